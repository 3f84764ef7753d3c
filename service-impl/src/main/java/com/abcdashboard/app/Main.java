package com.abcdashboard.app;

import com.abcdashboard.config.AppConfig;
import com.abcdashboard.config.ConfigException;
import com.abcdashboard.config.EnvironmentLoader;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point: {@code java -jar abc-dashboard-service.jar [serve]}. Reads and validates the whole
 * configuration before anything else happens; an invalid configuration exits with status 2 and the list
 * of problems, before a port is bound.
 */
public final class Main {
    static final int EXIT_CONFIG = 2;
    static final int EXIT_USAGE = 64;

    private Main() {}

    public static void main(String[] args) {
        String command = args.length == 0 ? "serve" : args[0];
        if (!command.equals("serve")) {
            System.err.println("Unknown command '" + command + "'. Usage: abc-dashboard-service [serve]");
            System.exit(EXIT_USAGE);
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

        Application app = Application.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
        log.info(
                "ABC Dashboard API {} ready on http://localhost:{} (docs: http://localhost:{}/api-docs)",
                app.build().version(),
                app.port(),
                app.port());
    }
}
