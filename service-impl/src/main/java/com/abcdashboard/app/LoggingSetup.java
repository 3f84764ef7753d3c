package com.abcdashboard.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import com.abcdashboard.config.AppConfig;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Applies the logging part of the configuration to logback.xml (level, directory, console on or off)
 * and routes java.util.logging — which Helidon logs through — into SLF4J.
 */
final class LoggingSetup {
    private LoggingSetup() {}

    static void apply(AppConfig config) {
        System.setProperty("LOG_LEVEL", config.logging().level().name());
        System.setProperty(
                "LOG_DIR", config.logging().directory().toAbsolutePath().toString());
        // Readable console output outside production (LOG_CONSOLE); production logs JSON to files only.
        System.setProperty("CONSOLE_THRESHOLD", config.logging().console() ? "TRACE" : "OFF");

        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        try {
            new ContextInitializer(context).autoConfig();
        } catch (JoranException e) {
            throw new IllegalStateException("logback.xml is invalid", e);
        }
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    /** Writes out and closes every appender; the last thing a process does before it exits. */
    static void flush() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.stop();
        }
    }
}
