package com.abcdashboard.app;

import java.nio.file.Path;
import java.util.List;

/** The command line of {@code abc-dashboard-service.jar}, parsed before the configuration is read. */
final class CommandLine {
    static final String USAGE = """
            Usage: java -jar abc-dashboard-service.jar [command]

            Commands:
              (none), serve             run the service (applies pending migrations first)
              migrate                   apply pending migrations and seed the first admin, then exit
              migrate --status          list every migration: applied or pending, when, checksum
              backup --out DIR          export every collection to DIR (Extended JSON + manifest.json)
              restore --from DIR [--drop]
                                        import a backup; refuses a non-empty database unless --drop
              --help                    show this text

            Configuration comes from the environment and env/<APP_ENV>.env (docs/configuration.md).
            Exit status: 0 done, 1 the command failed, 2 invalid configuration, 64 bad usage.""";

    sealed interface Command {}

    record Serve() implements Command {}

    record Migrate(boolean statusOnly) implements Command {}

    record Backup(Path out) implements Command {}

    record Restore(Path from, boolean drop) implements Command {}

    record Help() implements Command {}

    /** The arguments do not form a command; the message says what is wrong. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private CommandLine() {}

    static Command parse(String... args) throws UsageException {
        if (args.length == 0) {
            return new Serve();
        }
        List<String> rest = List.of(args).subList(1, args.length);
        return switch (args[0]) {
            case "serve" -> {
                noMore("serve", rest);
                yield new Serve();
            }
            case "--help", "-h", "help" -> new Help();
            case "migrate" -> parseMigrate(rest);
            case "backup" -> new Backup(directory("backup", "--out", rest));
            case "restore" -> parseRestore(rest);
            default -> throw new UsageException("Unknown command '" + args[0] + "'");
        };
    }

    private static Command parseMigrate(List<String> rest) throws UsageException {
        if (rest.isEmpty()) {
            return new Migrate(false);
        }
        if (rest.equals(List.of("--status"))) {
            return new Migrate(true);
        }
        throw new UsageException("migrate takes only --status, not '" + String.join(" ", rest) + "'");
    }

    private static Command parseRestore(List<String> rest) throws UsageException {
        boolean drop = rest.contains("--drop");
        List<String> withoutDrop =
                rest.stream().filter(arg -> !arg.equals("--drop")).toList();
        if (rest.size() - withoutDrop.size() > 1) {
            throw new UsageException("restore: --drop given twice");
        }
        return new Restore(directory("restore", "--from", withoutDrop), drop);
    }

    /** Exactly {@code option DIR}. */
    private static Path directory(String command, String option, List<String> rest) throws UsageException {
        if (rest.size() != 2
                || !rest.get(0).equals(option)
                || rest.get(1).isBlank()
                || rest.get(1).startsWith("--")) {
            throw new UsageException(command + " needs " + option + " DIR");
        }
        return Path.of(rest.get(1));
    }

    private static void noMore(String command, List<String> rest) throws UsageException {
        if (!rest.isEmpty()) {
            throw new UsageException(command + " takes no arguments");
        }
    }
}
