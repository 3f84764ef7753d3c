package com.abcdashboard.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.abcdashboard.config.AppConfig;
import com.abcdashboard.domain.mail.EmailMessage;
import com.abcdashboard.domain.mail.EmailMessage.Template;
import com.abcdashboard.observability.HealthReporter.ServiceState;
import com.abcdashboard.testsupport.FreePort;
import com.abcdashboard.testsupport.TestSmtp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The module as Application starts it: configuration in, outbox, delivery, capture and health out. */
class MailModuleTest {
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final EmailMessage RESET = new EmailMessage(
            "jane@example.com",
            Template.PASSWORD_RESET,
            Map.of("name", "Jane", "link", "http://localhost:3000/reset?token=t1", "expiresInMinutes", "10"));

    @RegisterExtension
    final GreenMailExtension smtp = TestSmtp.perTest();

    private OutboxDatabase db;

    @BeforeEach
    void open() {
        db = new OutboxDatabase();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static AppConfig testConfig(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of(
                "APP_ENV", "test",
                "JWT_SECRET", "test-only-jwt-secret-0123456789abcdef0123",
                "EMAIL_FROM", "no-reply@abc-dashboard.test"));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return AppConfig.from(env);
    }

    @Test
    void withoutEmailHostMailIsCapturedInProcessAndReadableOverImapWithTheRecipientAddress() throws Exception {
        try (MailModule mail = MailModule.start(testConfig(), db.outboxStore(), Clock.systemUTC())) {
            DevMailServer dev = mail.devServer().orElseThrow();

            mail.outbox().enqueue(RESET);
            await().atMost(BOUND).until(() -> dev.received().size() == 1);

            Properties props = new Properties();
            props.put("mail.imap.host", DevMailServer.HOST);
            props.put("mail.imap.port", Integer.toString(dev.imapPort()));
            Store store = Session.getInstance(props).getStore("imap");
            store.connect("jane@example.com", "jane@example.com");
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                Message[] messages = inbox.getMessages();
                assertThat(messages).hasSize(1);
                assertThat(messages[0].getSubject()).isEqualTo("Reset your password");
                inbox.close(false);
            } finally {
                store.close();
            }
        }
    }

    @Test
    void reportsDevCaptureModeAndHealthyWhenMailFlows() {
        try (MailModule mail = MailModule.start(testConfig(), db.outboxStore(), Clock.systemUTC())) {
            mail.outbox().enqueue(RESET);
            await().atMost(BOUND)
                    .until(() -> mail.devServer().orElseThrow().received().size() == 1);

            assertThat(mail.health().get()).isEqualTo(new ServiceState("dev-capture", false));
        }
    }

    @Test
    void closeStopsTheCaptureServer() {
        MailModule mail = MailModule.start(testConfig(), db.outboxStore(), Clock.systemUTC());
        int smtpPort = mail.devServer().orElseThrow().smtpPort();
        assertThat(FreePort.accepts(smtpPort)).isTrue();

        mail.close();

        assertThat(FreePort.accepts(smtpPort)).isFalse();
    }

    @Test
    void withEmailHostItDeliversOverSmtpToThatServerAndStartsNoCapture() {
        AppConfig config = testConfig(
                "EMAIL_HOST",
                "127.0.0.1",
                "EMAIL_PORT",
                Integer.toString(smtp.getSmtp().getPort()));

        try (MailModule mail = MailModule.start(config, db.outboxStore(), Clock.systemUTC())) {
            mail.outbox().enqueue(RESET);

            assertThat(smtp.waitForIncomingEmail(BOUND.toMillis(), 1)).isTrue();
            assertThat(mail.devServer()).isEmpty();
            assertThat(mail.health().get().mode()).isEqualTo("smtp");
        }
    }
}
