package com.abcdashboard.testsupport;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The environment a test starts an {@link Application} with: the test profile, logs and data in {@code dir}. */
public final class TestEnvironment {
    public static final String ADMIN = "admin@faults.test";
    public static final String ADMIN_PASSWORD = "Adm1nPassw0rd";

    private TestEnvironment() {}

    /** A free port on loopback, a test secret, cheap bcrypt; add MongoDB, Redis, mail and limits to taste. */
    public static Map<String, String> basics(Path dir) {
        Map<String, String> env = new HashMap<>();
        env.put("APP_ENV", "test");
        env.put("HOST", "127.0.0.1");
        env.put("PORT", "0");
        env.put("JWT_SECRET", "test-only-jwt-secret-0123456789abcdef0123");
        env.put("BCRYPT_ROUNDS", "4");
        env.put("LOG_DIR", dir.toString());
        env.put("DATA_DIR", dir.toString());
        return env;
    }

    /** {@link #basics} plus a seeded admin and rate limits no load test reaches. */
    public static Map<String, String> underLoad(Path dir) {
        Map<String, String> env = basics(dir);
        env.put("ADMIN_EMAIL", ADMIN);
        env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("RATE_LIMIT_MAX", "1000000");
        env.put("AUTH_RATE_LIMIT_MAX", "1000000");
        env.put("PASSWORD_RESET_RATE_LIMIT_MAX", "1000000");
        return env;
    }
}
