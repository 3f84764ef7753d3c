package com.abcdashboard.app;

import static com.abcdashboard.testsupport.TestEnvironment.ADMIN;
import static com.abcdashboard.testsupport.TestEnvironment.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.abcdashboard.testsupport.ChildService;
import com.abcdashboard.testsupport.FreePort;
import com.abcdashboard.testsupport.ServiceClient;
import com.abcdashboard.testsupport.TestSmtp;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service on the embedded store (H2 file) in a child JVM, killed with SIGKILL at a random moment while
 * writers create users, edit profiles, sign in (a session each) and register (a queued mail each), then
 * started again on the same data: every write that was acknowledged is there, every acknowledged
 * registration's mail is delivered (at least once), and the store opens without complaint. Three rounds
 * by default (one kill each, on the data of the rounds before); {@code -Dcrash.rounds=N} for more.
 */
@Tag("fault")
class CrashDurabilityTest {
    private static final int WRITERS = 4;
    private static final String PASSWORD = "Sup3rSecret";
    private static final Duration READY_BOUND = Duration.ofSeconds(60);
    private static final Duration MAIL_BOUND = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Process process;
    private int starts;

    @AfterEach
    void killLeftovers() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesASigkillOfTheProcess() throws Exception {
        int rounds = Integer.getInteger("crash.rounds", 3);
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        FaultRunReport report = new FaultRunReport("crash-durability");
        report.note("seed " + seed + " (-Dcrash.seed to repeat), " + rounds + " rounds");
        int smtpPort = FreePort.closed();
        GreenMail smtp = TestSmtp.startedOn(smtpPort);
        try {
            ServiceClient client = startService(smtpPort);
            String admin = client.signIn(ADMIN, ADMIN_PASSWORD);
            List<String> writerIds = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                writerIds.add(client.createStaff(admin, writer(w), PASSWORD));
            }
            Set<String> registered = new TreeSet<>();
            List<String> lost = new ArrayList<>();
            int acknowledgedTotal = 0;
            for (int round = 1; round <= rounds; round++) {
                Ledger ledger = new Ledger(round, bios(client, admin, writerIds));
                BackgroundLoad load = new BackgroundLoad(ledger.kinds(client, admin, writerIds));
                load.start(WRITERS);
                // Let the JIT and the writers get going, then kill at a random moment of the load: after a
                // random number of acknowledged writes (as far into the load on a slow machine as on a fast
                // one), with the four writers' next requests in flight.
                int killAfter = 20 + random.nextInt(200);
                await().atMost(READY_BOUND).until(() -> ledger.acknowledged() >= killAfter);
                process.destroyForcibly(); // SIGKILL: no shutdown hook, no last commit
                assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
                load.stop(report);
                report.note("round " + round + ": killed after " + ledger.summary());

                client = startService(smtpPort);
                assertThat(Files.readString(dir.resolve("stdout-" + starts + ".txt")))
                        .as("the store opens without complaint")
                        .doesNotContain("MVStoreException", "corrupt", "Failed to open");
                admin = client.signIn(ADMIN, ADMIN_PASSWORD);
                List<String> lostThisRound = ledger.lostAfterRestart(client, admin, writerIds);
                report.note("round " + round + ": restarted, " + lostThisRound.size() + " acknowledged writes lost"
                        + (lostThisRound.isEmpty()
                                ? ""
                                : ": " + lostThisRound.subList(0, Math.min(5, lostThisRound.size()))
                                        + (lostThisRound.size() > 5 ? " …" : "")));
                lost.addAll(lostThisRound);
                acknowledgedTotal += ledger.acknowledged();
                registered.addAll(ledger.registered);
            }

            Set<String> unmailed = awaitMailTo(smtp, registered);
            report.note(acknowledgedTotal + " acknowledged writes in " + rounds + " rounds, " + lost.size()
                    + " lost; " + registered.size() + " acknowledged registrations, " + unmailed.size()
                    + " never mailed");
            report.write();
            assertThat(lost)
                    .as("acknowledged writes missing after a SIGKILL and a restart")
                    .isEmpty();
            assertThat(unmailed)
                    .as("acknowledged registrations whose verification mail never came")
                    .isEmpty();
        } finally {
            smtp.stop();
        }
    }

    /** What the load was told: each acknowledged write, to be found after the restart. */
    private static final class Ledger {
        private final int round;
        private final ConcurrentLinkedQueue<String[]> created = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<String> refreshTokens = new ConcurrentLinkedQueue<>();
        private final Set<String> registered = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final WriteLedger profiles = new WriteLedger();
        private final Map<String, String> bioBefore;

        /** @param bioBefore each writer's bio when the round starts, by user id */
        Ledger(int round, Map<String, String> bioBefore) {
            this.round = round;
            this.bioBefore = bioBefore;
        }

        Map<String, BackgroundLoad.Kind> kinds(ServiceClient client, String admin, List<String> writerIds) {
            Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
            Map<String, BackgroundLoad.Kind> kinds = new LinkedHashMap<>();
            kinds.put("create user", (w, seq) -> {
                String email = "created-" + round + "-" + w + "-" + seq + "@crash.test";
                ServiceClient.Response r = client.call(
                        "POST",
                        "/api/v1/users",
                        admin,
                        Map.of("email", email, "firstName", "Crash", "lastName", "Test", "role", "staff"));
                if (r.status() == 201) {
                    created.add(new String[] {r.data().path("user").path("id").asText(), email});
                }
                return r;
            });
            kinds.put("sign in", (w, seq) -> {
                ServiceClient.Response r =
                        client.post("/api/v1/auth/login", Map.of("email", writer(w), "password", PASSWORD));
                if (r.status() == 200) {
                    tokens.put(
                            writer(w),
                            r.data().path("tokens").path("accessToken").asText());
                    refreshTokens.add(
                            r.data().path("tokens").path("refreshToken").asText());
                }
                return r;
            });
            kinds.put("edit profile", (w, seq) -> {
                String token = tokens.get(writer(w));
                if (token == null) {
                    return client.get("/api/v1/health/live", null);
                }
                String bio = "round " + round + " edit " + seq;
                try {
                    ServiceClient.Response r = client.call("PUT", "/api/v1/auth/profile", token, Map.of("bio", bio));
                    profiles.updated(writerIds.get(w), bio, r.status());
                    return r;
                } catch (IOException noAnswer) {
                    // Killed while it was in flight: it may or may not have been applied.
                    profiles.updated(writerIds.get(w), bio, 0);
                    throw noAnswer;
                }
            });
            kinds.put("register", (w, seq) -> {
                String email = "registered-" + round + "-" + w + "-" + seq + "@crash.test";
                ServiceClient.Response r = client.post(
                        "/api/v1/auth/register",
                        Map.of("email", email, "password", PASSWORD, "firstName", "New", "lastName", "Comer"));
                if (r.status() == 201) {
                    registered.add(email);
                }
                return r;
            });
            return kinds;
        }

        int acknowledged() {
            return created.size() + refreshTokens.size() + registered.size() + profiles.acknowledgedUpdates();
        }

        String summary() {
            return created.size() + " users created, " + profiles.acknowledgedUpdates() + " profile edits, "
                    + refreshTokens.size() + " sign-ins, " + registered.size() + " registrations acknowledged";
        }

        /** Each acknowledged write looked up on the restarted service; what is not there. */
        List<String> lostAfterRestart(ServiceClient client, String admin, List<String> writerIds) throws Exception {
            List<String> lost = new ArrayList<>();
            for (String[] user : created) {
                ServiceClient.Response r = client.get("/api/v1/users/" + user[0], admin);
                if (r.status() != 200
                        || !user[1].equals(r.data().path("user").path("email").asText())) {
                    lost.add("created user " + user[1] + " (" + r.status() + ")");
                }
            }
            for (String email : registered) {
                ServiceClient.Response r = client.get("/api/v1/users?limit=5&email=" + email, admin);
                boolean found = false;
                for (JsonNode user : r.data()) {
                    found |= email.equals(user.path("email").asText());
                }
                if (!found) {
                    lost.add("registered user " + email);
                }
            }
            for (String refreshToken : refreshTokens) {
                ServiceClient.Response r = client.post("/api/v1/auth/refresh", Map.of("refreshToken", refreshToken));
                if (r.status() != 200) {
                    lost.add("session of a sign-in (refresh answered " + r.status() + ")");
                }
            }
            Map<String, String> bios = bios(client, admin, writerIds);
            for (int w = 0; w < writerIds.size(); w++) {
                String id = writerIds.get(w);
                String bio = bios.get(id);
                Set<String> possible = profiles.possibleValues(id, bioBefore.get(id));
                if (!possible.contains(bio)) {
                    lost.add("profile edit of " + writer(w) + ": bio is '" + bio + "', acknowledged " + possible);
                }
            }
            return lost;
        }
    }

    /** Each writer's bio now ("" when none), by user id. */
    private static Map<String, String> bios(ServiceClient client, String admin, List<String> writerIds)
            throws Exception {
        Map<String, String> bios = new LinkedHashMap<>();
        for (String id : writerIds) {
            ServiceClient.Response r = client.get("/api/v1/users/" + id, admin);
            assertThat(r.status()).as("writer " + id).isEqualTo(200);
            bios.put(id, r.data().path("user").path("bio").asText(""));
        }
        return bios;
    }

    /** Waits for a mail to every address; returns those that got none within the bound. */
    private static Set<String> awaitMailTo(GreenMail smtp, Set<String> addresses) {
        Set<String> missing = new HashSet<>(addresses);
        try {
            await().atMost(MAIL_BOUND).pollInterval(Duration.ofMillis(200)).until(() -> {
                missing.removeAll(recipients(smtp.getReceivedMessages()));
                return missing.isEmpty();
            });
        } catch (org.awaitility.core.ConditionTimeoutException timedOut) {
            // reported by the caller
        }
        return new TreeSet<>(missing);
    }

    private static Set<String> recipients(MimeMessage[] messages) throws MessagingException {
        Set<String> to = new HashSet<>();
        for (MimeMessage message : messages) {
            to.add(message.getAllRecipients()[0].toString());
        }
        return to;
    }

    /** Starts the service in a child JVM on the data of the runs before; returns a client once it is ready. */
    private ServiceClient startService(int smtpPort) throws IOException {
        ChildService child = ChildService.start(
                dir,
                ++starts,
                Map.of(
                        "EMAIL_HOST", "127.0.0.1",
                        "EMAIL_PORT", Integer.toString(smtpPort),
                        "EMAIL_FROM", "no-reply@crash.test",
                        "REQUIRE_EMAIL_VERIFICATION", "true"),
                READY_BOUND);
        process = child.process();
        return child.client();
    }

    private static String writer(int w) {
        return "writer" + w + "@crash.test";
    }
}
