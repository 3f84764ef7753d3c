package com.abcdashboard.app;

import static com.abcdashboard.testsupport.TestEnvironment.ADMIN;
import static com.abcdashboard.testsupport.TestEnvironment.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.config.AppConfig;
import com.abcdashboard.testsupport.ServiceClient;
import com.abcdashboard.testsupport.TestEnvironment;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Development's default database — the embedded server persisting to DATA_DIR — read back after a
 * restart. Helidon's process-wide deserialization filter (JEP 290) used to reject the classes the
 * embedded store keeps documents as, so every page not cached since the restart failed to load: the
 * restarted service answered 500 to a sign-in. {@code META-INF/helidon/serial-config.properties} allows
 * exactly those classes.
 */
class EmbeddedDataRestartTest {
    @TempDir
    Path dir;

    @Test
    void whatWasStoredBeforeARestartIsReadAfterIt() throws Exception {
        Map<String, String> env = TestEnvironment.underLoad(dir);
        env.put("MONGODB_URI", "embedded");
        String id;
        try (Application app = Application.start(AppConfig.from(env))) {
            ServiceClient client = new ServiceClient(app);
            id = client.createStaff(client.signIn(ADMIN, ADMIN_PASSWORD), "kept@faults.test", "Sup3rSecret");
        }

        try (Application app = Application.start(AppConfig.from(env))) {
            ServiceClient client = new ServiceClient(app);
            String admin = client.signIn(ADMIN, ADMIN_PASSWORD);
            assertThat(client.get("/api/v1/users/" + id, admin)
                            .data()
                            .path("user")
                            .path("email")
                            .asText())
                    .isEqualTo("kept@faults.test");
            assertThat(client.signIn("kept@faults.test", "Sup3rSecret")).isNotBlank();
        }
    }
}
