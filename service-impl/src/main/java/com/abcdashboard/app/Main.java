package com.abcdashboard.app;

import com.abcdashboard.app.CommandLine.Command;
import com.abcdashboard.config.AppConfig;
import com.abcdashboard.config.ConfigException;
import com.abcdashboard.config.EnvironmentLoader;
import java.time.Clock;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point: {@code java -jar abc-dashboard-service.jar [command]} ({@link CommandLine#USAGE}). Parses
 * the command line (bad usage: status 64), then reads and validates the whole configuration before
 * anything else happens (invalid: status 2 and the list of problems, before a port is bound).
 */
public final class Main {
    static final int EXIT_CONFIG = 2;
    static final int EXIT_USAGE = 64;

    private Main() {}

    public static void main(String[] args) {
        Command command;
        try {
            command = CommandLine.parse(args);
        } catch (CommandLine.UsageException e) {
            System.err.println(e.getMessage());
            System.err.println();
            System.err.println(CommandLine.USAGE);
            System.exit(EXIT_USAGE);
            return;
        }
        if (command instanceof CommandLine.Help) {
            System.out.println(CommandLine.USAGE);
            return;
        }
        EnvironmentLoader.LoadedEnvironment env;
        AppConfig config;
        try {
            env = EnvironmentLoader.load(System.getenv());
            config = AppConfig.from(env.variables());
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(EXIT_CONFIG);
            return;
        }
        LoggingSetup.apply(config);
        Logger log = LoggerFactory.getLogger(Main.class);
        log.info(
                "Starting ABC Dashboard API in {} (env files: {}, args: {})",
                config.environment().id(),
                env.files(),
                Arrays.toString(args));
        if (command instanceof CommandLine.Serve) {
            serve(config, log);
            return;
        }
        int status = new Commands(config, Clock.systemUTC(), System.out, System.err).run(command);
        LoggingSetup.flush();
        System.exit(status);
    }

    private static void serve(AppConfig config, Logger log) {
        Application app = Application.start(config);
        GracefulShutdown.install(app);
        log.info(
                "ABC Dashboard API {} ready on http://localhost:{} (docs: http://localhost:{}/api-docs)",
                app.build().version(),
                app.port(),
                app.port());
    }
}
