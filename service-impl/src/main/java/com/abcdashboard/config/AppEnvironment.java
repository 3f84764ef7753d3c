package com.abcdashboard.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The deployment environment; decides defaults, strictness of validation and log output. */
public enum AppEnvironment {
    DEVELOPMENT,
    TEST,
    STAGING,
    PRODUCTION;

    /** The lower-case name used in APP_ENV and in the env file name ({@code env/<name>.env}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Staging and production hold real data: secrets and infrastructure must be real there. */
    public boolean isDeployed() {
        return this == STAGING || this == PRODUCTION;
    }

    public static Optional<AppEnvironment> parse(String value) {
        return Arrays.stream(values())
                .filter(e -> e.id().equals(value.trim().toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
