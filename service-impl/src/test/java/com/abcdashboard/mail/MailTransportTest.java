package com.abcdashboard.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.abcdashboard.config.AppConfig;
import com.abcdashboard.domain.mail.EmailMessage;
import com.abcdashboard.domain.mail.EmailMessage.Template;
import com.abcdashboard.domain.mail.MailOutbox;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mail as Application wires it: configuration in, the transport (SMTP or the capture server), the outbox
 * and its worker, and the health line.
 */
class MailTransportTest {
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final EmailMessage RESET = new EmailMessage(
            "jane@example.com",
            Template.PASSWORD_RESET,
            Map.of("name", "Jane", "link", "http://localhost:3000/reset?token=t1", "expiresInMinutes", "10"));

    @RegisterExtension
    final GreenMailExtension smtp = TestSmtp.perTest();

    private OutboxDatabase db;
    private final List<OutboxWorker> workers = new ArrayList<>();

    @BeforeEach
    void open() {
        db = new OutboxDatabase();
    }

    @AfterEach
    void close() {
        workers.forEach(OutboxWorker::stop);
        db.close();
    }

    /** The worker delivering through {@code transport}, started, and the outbox that wakes it. */
    private MailOutbox delivering(MailTransport transport) {
        OutboxWorker worker = worker(transport);
        worker.start();
        return new StoredMailOutbox(db.outboxStore(), Clock.systemUTC(), worker::wake);
    }

    private OutboxWorker worker(MailTransport transport) {
        OutboxWorker worker = new OutboxWorker(
                db.outboxStore(), new SmtpMailSender(transport.smtp()), Clock.systemUTC(), DeliveryPolicy.DEFAULT);
        workers.add(worker);
        return worker;
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
        try (MailTransport transport = MailTransport.open(testConfig())) {
            DevMailServer dev = transport.devServer().orElseThrow();

            delivering(transport).enqueue(RESET);
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
        try (MailTransport transport = MailTransport.open(testConfig())) {
            OutboxWorker worker = worker(transport);
            worker.start();
            new StoredMailOutbox(db.outboxStore(), Clock.systemUTC(), worker::wake).enqueue(RESET);
            await().atMost(BOUND)
                    .until(() -> transport.devServer().orElseThrow().received().size() == 1);

            assertThat(new MailStatus(transport.mode(), worker, MailStatus.DEFAULT_BACKLOG_THRESHOLD).get())
                    .isEqualTo(new ServiceState("dev-capture", false));
        }
    }

    @Test
    void closeStopsTheCaptureServer() {
        MailTransport transport = MailTransport.open(testConfig());
        int smtpPort = transport.devServer().orElseThrow().smtpPort();
        assertThat(FreePort.accepts(smtpPort)).isTrue();

        transport.close();

        assertThat(FreePort.accepts(smtpPort)).isFalse();
    }

    @Test
    void withEmailHostItDeliversOverSmtpToThatServerAndStartsNoCapture() {
        AppConfig config = testConfig(
                "EMAIL_HOST",
                "127.0.0.1",
                "EMAIL_PORT",
                Integer.toString(smtp.getSmtp().getPort()));

        try (MailTransport transport = MailTransport.open(config)) {
            delivering(transport).enqueue(RESET);

            assertThat(smtp.waitForIncomingEmail(BOUND.toMillis(), 1)).isTrue();
            assertThat(transport.devServer()).isEmpty();
            assertThat(transport.mode()).isEqualTo("smtp");
        }
    }
}
