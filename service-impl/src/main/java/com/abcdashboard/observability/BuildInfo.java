package com.abcdashboard.observability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts the build wrote into {@code com/abcdashboard/build.properties}. */
public record BuildInfo(String version, String swaggerUiVersion) {

    public static BuildInfo load() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/com/abcdashboard/build.properties")) {
            if (in == null) {
                throw new IllegalStateException("build.properties missing from the classpath: rebuild the service");
            }
            Properties p = new Properties();
            p.load(in);
            return new BuildInfo(p.getProperty("version"), p.getProperty("swaggerUiVersion"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
