package com.abcdashboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void anInvalidProductionConfigurationExitsWithStatus2BeforeBindingAPort() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName());
        builder.environment().clear();
        builder.environment().put("APP_ENV", "production");
        builder.environment().put("JWT_SECRET", "short");
        builder.environment().put("ENV_DIR", System.getProperty("repo.env.dir"));
        builder.environment().put("PORT", "0");

        Process process = builder.start();
        boolean exited = process.waitFor(30, TimeUnit.SECONDS);
        String stderr = read(process.getErrorStream().readAllBytes());
        String stdout = read(process.getInputStream().readAllBytes());

        assertThat(exited).isTrue();
        assertThat(process.exitValue()).isEqualTo(Main.EXIT_CONFIG);
        assertThat(stderr).contains("JWT_SECRET").contains("MONGODB_URI").doesNotContain("short\n");
        assertThat(stdout + stderr).doesNotContain("ready on");
    }

    private static String read(byte[] bytes) throws IOException {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
