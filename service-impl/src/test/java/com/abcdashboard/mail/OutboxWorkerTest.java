package com.abcdashboard.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.config.AppConfig;
import com.abcdashboard.domain.mail.EmailMessage;
import com.abcdashboard.persistence.MongoStore;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox against the embedded MongoDB and a real SMTP server (GreenMail) that can go away. */
class OutboxWorkerTest {
    private static final String TO = "jane@example.com";

    /** Time stands still unless a test moves it. */
    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-25T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final MovableClock clock = new MovableClock();
    private MongoStore store;
    private MongoDatabase db;
    private int smtpPort;
    private GreenMail smtp;
    private MongoMailOutbox outbox;

    @BeforeEach
    void setUp() throws IOException {
        store = MongoStore.open(new AppConfig.Mongo(
                Optional.empty(),
                AppConfig.EmbeddedStorage.MEMORY,
                Path.of("unused"),
                "mail_" + UUID.randomUUID().toString().replace("-", "")));
        db = store.database();
        try (ServerSocket socket = new ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        smtp = startSmtp();
        outbox = new MongoMailOutbox(db, clock, () -> {});
        outbox.createIndexes();
    }

    @AfterEach
    void tearDown() {
        smtp.stop();
        store.close();
    }

    private GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private OutboxWorker worker(int maxAttempts) {
        AppConfig.Email config = new AppConfig.Email(
                Optional.of("127.0.0.1"),
                smtpPort,
                false,
                Optional.empty(),
                Optional.empty(),
                "no-reply@abc.test",
                "ABC Dashboard");
        return new OutboxWorker(
                db, new MailTemplates(), new SmtpMailSender("127.0.0.1", smtpPort, config), clock, maxAttempts);
    }

    private MongoCollection<Document> outboxCollection() {
        return db.getCollection(MongoMailOutbox.COLLECTION);
    }

    private void enqueueReset(String link) {
        outbox.enqueue(new EmailMessage(
                TO,
                EmailMessage.Template.PASSWORD_RESET,
                Map.of("name", "Jane <b>", "link", link, "expiresInMinutes", "10")));
    }

    @Test
    void aQueuedMessageIsDeliveredAsTextAndEscapedHtml() throws Exception {
        enqueueReset("http://localhost:3000/reset-password?token=abc");

        assertThat(worker(3).drainDue()).isEqualTo(1);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Reset your password");
        String raw = GreenMailUtil.getWholeMessage(received[0]);
        assertThat(raw)
                .contains("reset-password?token=abc")
                .contains("Jane &lt;b&gt;")
                .contains("text/html");
        assertThat(outboxCollection().find().first().getString("status")).isEqualTo(OutboxWorker.SENT);
    }

    @Test
    void whileSmtpIsDownTheMessageWaitsAndIsDeliveredWhenItIsBack() {
        smtp.stop();
        enqueueReset("http://localhost:3000/reset-password?token=later");
        OutboxWorker worker = worker(5);

        worker.drainDue();
        Document waiting = outboxCollection().find().first();
        assertThat(waiting.getString("status")).isEqualTo(OutboxWorker.PENDING);
        assertThat(waiting.getInteger("attempts")).isEqualTo(1);
        assertThat(worker.lastDeliveryFailed()).isTrue();
        assertThat(worker.drainDue()).as("not due before the backoff").isZero();

        smtp = startSmtp();
        clock.advance(OutboxWorker.backoff(1).plusSeconds(1));
        worker.drainDue();

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(worker.lastDeliveryFailed()).isFalse();
    }

    @Test
    void aMessageLeftSendingByACrashedInstanceIsReclaimedAfterItsLease() {
        enqueueReset("http://localhost:3000/reset-password?token=crash");
        outboxCollection()
                .updateOne(
                        Filters.eq("status", OutboxWorker.PENDING),
                        Updates.combine(
                                Updates.set("status", OutboxWorker.SENDING),
                                Updates.set(
                                        "lockedUntil", Date.from(clock.instant().plusSeconds(120)))));
        OutboxWorker restarted = worker(3);

        assertThat(restarted.drainDue()).as("lease still held").isZero();
        clock.advance(Duration.ofSeconds(121));

        assertThat(restarted.drainDue()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void afterTheLastAttemptTheMessageIsMarkedFailed() {
        smtp.stop();
        enqueueReset("http://localhost:3000/reset-password?token=never");
        OutboxWorker worker = worker(2);

        worker.drainDue();
        clock.advance(Duration.ofHours(2));
        worker.drainDue();

        Document failed = outboxCollection().find().first();
        assertThat(failed.getString("status")).isEqualTo(OutboxWorker.FAILED);
        assertThat(failed.getString("lastError")).isNotBlank();
        clock.advance(Duration.ofDays(1));
        assertThat(worker.drainDue()).isZero();
    }

    @Test
    void backoffDoublesAndIsCapped() {
        assertThat(OutboxWorker.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(OutboxWorker.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(OutboxWorker.backoff(30)).isEqualTo(Duration.ofHours(1));
    }
}
