package com.abcdashboard.app;

import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Stops the service in order when the JVM is asked to end: a shutdown hook closes the {@link
 * Application} once (not ready, no new connections, in-flight requests finish within the grace period,
 * mail worker stopped, MongoDB closed) and then flushes the logs.
 *
 * <p>SIGTERM is how orchestrators and {@code Process.destroy()} ask for a stop. The JVM's default
 * reaction runs the hooks and then exits with 143; an orderly stop on request is a success, so SIGTERM is
 * turned into {@code System.exit(0)}, which runs the same hook. Ctrl-C (SIGINT) keeps the JVM's default.
 */
final class GracefulShutdown {
    private GracefulShutdown() {}

    static void install(Application app) {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                app.close();
                            } catch (RuntimeException e) {
                                LoggerFactory.getLogger(GracefulShutdown.class).error("Shutdown did not complete", e);
                            } finally {
                                LoggingSetup.flush();
                            }
                        },
                        "shutdown"));
        try {
            Signal.handle(new Signal("TERM"), signal -> System.exit(0));
        } catch (IllegalArgumentException unsupported) {
            // No SIGTERM on this platform (Windows): the hook alone does the work.
        }
    }
}
