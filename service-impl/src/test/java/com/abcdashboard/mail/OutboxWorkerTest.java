package com.abcdashboard.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.abcdashboard.config.AppConfig;
import com.abcdashboard.domain.mail.EmailMessage;
import com.abcdashboard.domain.mail.EmailMessage.Template;
import com.abcdashboard.persistence.MongoOutboxStore;
import com.abcdashboard.persistence.MongoStore;
import com.abcdashboard.testsupport.FreePort;
import com.abcdashboard.testsupport.MutableClock;
import com.abcdashboard.testsupport.ReceivedMail;
import com.abcdashboard.testsupport.TestSmtp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The outbox end to end: StoredMailOutbox → MongoOutboxStore, OutboxWorker → SmtpMailSender → a real SMTP server
 * (GreenMail), on the embedded MongoDB-compatible server. Time moves only when the test moves the clock.
 */
class OutboxWorkerTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String LINK = "http://localhost:3000/verify-email?token=tok_3f9a&lang=en";
    private static final EmailMessage VERIFY = new EmailMessage(
            "jane@example.com",
            Template.VERIFY_EMAIL,
            Map.of("name", "Jane <b>& \"Co\"", "link", LINK, "expiresInHours", "24"));

    @RegisterExtension
    final GreenMailExtension smtp = TestSmtp.perTest();

    private final MutableClock clock = new MutableClock(T0);
    private final List<OutboxWorker> workers = new ArrayList<>();
    private OutboxDatabase db;

    @BeforeEach
    void open() {
        db = new OutboxDatabase();
    }

    @AfterEach
    void close() {
        workers.forEach(w -> w.stop(Duration.ofSeconds(1)));
        db.close();
    }

    static AppConfig.Email smtpAt(int port) {
        return new AppConfig.Email(
                Optional.of("127.0.0.1"),
                port,
                false,
                Optional.empty(),
                Optional.empty(),
                "no-reply@abc-dashboard.test",
                "ABC Dashboard");
    }

    private OutboxWorker worker(MailSender sender, DeliveryPolicy policy) {
        OutboxWorker worker = new OutboxWorker(db.outboxStore(), sender, clock, policy);
        workers.add(worker);
        return worker;
    }

    private OutboxWorker workerTo(int smtpPort) {
        return worker(new SmtpMailSender(smtpAt(smtpPort)), DeliveryPolicy.DEFAULT);
    }

    private OutboxWorker workerToGreenMail() {
        return workerTo(smtp.getSmtp().getPort());
    }

    private StoredMailOutbox outbox(OutboxWorker worker) {
        return new StoredMailOutbox(db.outboxStore(), clock, worker::wake);
    }

    /** An outbox that does not signal any worker: the message waits for a poll, a drain or a stop. */
    private StoredMailOutbox silentOutbox() {
        return new StoredMailOutbox(db.outboxStore(), clock, () -> {});
    }

    @Test
    void theBacklogGivesUpWithinItsBoundWhenTheDatabaseIsAway() {
        AppConfig.Mongo away = new AppConfig.Mongo(
                Optional.of("mongodb://127.0.0.1:" + FreePort.closed()),
                AppConfig.EmbeddedStorage.MEMORY,
                Path.of("unused"),
                "away");
        try (MongoStore store = MongoStore.open(away)) {
            OutboxWorker worker = new OutboxWorker(
                    new MongoOutboxStore(store.database()),
                    new SmtpMailSender(smtpAt(FreePort.closed())),
                    clock,
                    DeliveryPolicy.DEFAULT);
            long start = System.nanoTime();

            assertThatThrownBy(worker::backlog).isInstanceOf(MongoException.class);
            // 2 s, not the driver's 5 s server selection: health asks this while MongoDB is away.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void anEnqueuedMessageIsStoredPendingAndDueNow() {
        silentOutbox().enqueue(VERIFY);

        Document stored = db.only();
        assertThat(stored.getString("status")).isEqualTo("PENDING");
        assertThat(stored.getString("to")).isEqualTo("jane@example.com");
        assertThat(stored.getString("template")).isEqualTo("VERIFY_EMAIL");
        assertThat(stored.get("variables", Document.class)).containsEntry("link", LINK);
        assertThat(stored.getInteger("attempts")).isZero();
        assertThat(stored.getDate("createdAt")).isEqualTo(Date.from(T0));
        assertThat(stored.getDate("nextAttemptAt")).isEqualTo(Date.from(T0));
    }

    @Test
    void deliversTextAndHtmlWithTheLinkAndEscapedVariablesThenMarksTheMessageSent() {
        OutboxWorker worker = workerToGreenMail();
        silentOutbox().enqueue(VERIFY);

        assertThat(worker.drainDue()).isEqualTo(1);

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        ReceivedMail mail = ReceivedMail.of(smtp.getReceivedMessages()[0]);
        assertThat(mail.to()).isEqualTo("jane@example.com");
        assertThat(mail.subject()).isEqualTo("Verify your email address");
        assertThat(mail.contentType()).startsWith("multipart/alternative");
        assertThat(mail.partTypes()).containsExactly("text/plain", "text/html");
        assertThat(mail.text()).contains(LINK, "Hello Jane <b>& \"Co\",", "expires in 24 hours");
        assertThat(mail.html())
                .contains("ABC Dashboard")
                .contains("href=\"http://localhost:3000/verify-email?token=tok_3f9a&amp;lang=en\"")
                .contains("Jane &lt;b&gt;&amp; &quot;Co&quot;")
                .doesNotContain("<b>&")
                .contains("expires in 24 hours");
        Document stored = db.only();
        assertThat(stored.getString("status")).isEqualTo("SENT");
        assertThat(stored.getDate("sentAt")).isEqualTo(Date.from(T0));
        assertThat(stored.getInteger("attempts")).isEqualTo(1);
        assertThat(stored).doesNotContainKeys("lockedUntil", "claim");
    }

    @Test
    void anEnqueueWakesTheRunningWorkerWithoutWaitingForTheNextPoll() {
        OutboxWorker worker = worker(
                new SmtpMailSender(smtpAt(smtp.getSmtp().getPort())),
                DeliveryPolicy.DEFAULT.withPollInterval(Duration.ofHours(1)));
        StoredMailOutbox outbox = outbox(worker);
        worker.start();
        outbox.enqueue(VERIFY);
        await().atMost(BOUND).until(() -> "SENT".equals(db.only().getString("status")));

        outbox.enqueue(new EmailMessage("joe@example.org", Template.PASSWORD_CHANGED, Map.of("name", "Joe")));

        assertThat(smtp.waitForIncomingEmail(BOUND.toMillis(), 2)).isTrue();
    }

    @Test
    void whileSmtpIsDownTheMessageStaysAndIsRetriedWithGrowingDelaysThenDeliveredWhenItIsBack() {
        int port = FreePort.closed();
        OutboxWorker worker = workerTo(port);
        silentOutbox().enqueue(VERIFY);

        assertThat(worker.drainDue()).isEqualTo(1);
        Document afterFirst = db.only();
        assertThat(afterFirst.getString("status")).isEqualTo("PENDING");
        assertThat(afterFirst.getInteger("attempts")).isEqualTo(1);
        assertThat(afterFirst.getString("lastError")).isEqualTo("MailConnectException");
        assertThat(afterFirst.getDate("nextAttemptAt")).isEqualTo(Date.from(T0.plusSeconds(30)));

        clock.advance(Duration.ofSeconds(29));
        assertThat(worker.drainDue()).as("not due before its retry time").isZero();

        clock.advance(Duration.ofSeconds(1));
        assertThat(worker.drainDue()).isEqualTo(1);
        assertThat(db.only().getDate("nextAttemptAt")).isEqualTo(Date.from(T0.plusSeconds(30 + 60)));

        GreenMail back = TestSmtp.startedOn(port);
        try {
            clock.advance(Duration.ofSeconds(60));
            assertThat(worker.drainDue()).isEqualTo(1);

            assertThat(back.getReceivedMessages()).hasSize(1);
            assertThat(db.only().getString("status")).isEqualTo("SENT");
            assertThat(db.only().getInteger("attempts")).isEqualTo(3);
        } finally {
            back.stop();
        }
    }

    @Test
    void givesUpAsFailedAfterTheLastAttempt() {
        OutboxWorker worker =
                worker(new SmtpMailSender(smtpAt(FreePort.closed())), DeliveryPolicy.DEFAULT.withMaxAttempts(3));
        silentOutbox().enqueue(VERIFY);

        worker.drainDue();
        clock.advance(Duration.ofSeconds(30));
        worker.drainDue();
        clock.advance(Duration.ofSeconds(60));
        worker.drainDue();

        Document stored = db.only();
        assertThat(stored.getString("status")).isEqualTo("FAILED");
        assertThat(stored.getInteger("attempts")).isEqualTo(3);
        assertThat(stored.getDate("failedAt")).isEqualTo(Date.from(clock.instant()));
        assertThat(stored.getString("lastError")).isEqualTo("MailConnectException");
        clock.advance(Duration.ofDays(1));
        assertThat(worker.drainDue())
                .as("a failed message is never tried again")
                .isZero();
    }

    @Test
    void aMessageThatCannotBeRenderedFailsAtOnceInsteadOfBeingRetried() {
        OutboxWorker worker = workerToGreenMail();
        silentOutbox().enqueue(new EmailMessage("jane@example.com", Template.VERIFY_EMAIL, Map.of("name", "Jane")));

        worker.drainDue();

        Document stored = db.only();
        assertThat(stored.getString("status")).isEqualTo("FAILED");
        assertThat(stored.getInteger("attempts")).isEqualTo(1);
        assertThat(stored.getString("lastError")).isEqualTo("UndeliverableMailException");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aRecipientThatIsNotAnAddressFailsAtOnceInsteadOfBeingRetried() {
        OutboxWorker worker = workerToGreenMail();
        silentOutbox().enqueue(new EmailMessage("jane at example", Template.PASSWORD_CHANGED, Map.of("name", "Jane")));

        worker.drainDue();

        assertThat(db.only().getString("status")).isEqualTo("FAILED");
        assertThat(db.only().getInteger("attempts")).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aMessageLeftSendingByAnInstanceThatDiedIsSentByTheNextOneOnceTheLeaseEnds() {
        silentOutbox().enqueue(VERIFY);
        // What a claim leaves behind when the process dies before recording the outcome.
        db.outbox()
                .updateOne(
                        Filters.eq("status", "PENDING"),
                        Updates.combine(
                                Updates.set("status", "SENDING"),
                                Updates.set("lockedUntil", Date.from(T0.plus(DeliveryPolicy.DEFAULT.lease()))),
                                Updates.set("attempts", 1)));
        OutboxWorker restarted = workerToGreenMail();

        clock.advance(DeliveryPolicy.DEFAULT.lease().minusSeconds(1));
        assertThat(restarted.drainDue()).as("the lease still holds").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(restarted.drainDue()).isEqualTo(1);

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(db.only().getString("status")).isEqualTo("SENT");
        assertThat(db.only().getInteger("attempts")).isEqualTo(2);
    }

    @Test
    void onADatabaseNoOtherProcessReachesAMessageLeftSendingIsSentAtOnceAfterARestart() {
        silentOutbox().enqueue(VERIFY);
        db.outbox()
                .updateOne(
                        Filters.eq("status", "PENDING"),
                        Updates.combine(
                                Updates.set("status", "SENDING"),
                                Updates.set("lockedUntil", Date.from(T0.plus(DeliveryPolicy.DEFAULT.lease()))),
                                Updates.set("attempts", 1)));
        OutboxWorker restarted = workerToGreenMail();

        assertThat(restarted.releaseAbandonedClaims()).isEqualTo(1);
        assertThat(restarted.drainDue()).as("due without waiting for the lease").isEqualTo(1);

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(db.only().getString("status")).isEqualTo("SENT");
    }

    @Test
    void aWorkerWhoseLeaseRanOutCannotOverwriteTheOutcomeOfTheWorkerThatTookOver() throws Exception {
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        OutboxWorker stalled = worker(
                (to, message) -> {
                    sending.countDown();
                    release.await();
                    throw new jakarta.mail.MessagingException("connection reset");
                },
                DeliveryPolicy.DEFAULT);
        silentOutbox().enqueue(VERIFY);
        CompletableFuture<Integer> stalledDrain = CompletableFuture.supplyAsync(stalled::drainDue);
        assertThat(sending.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();

        clock.advance(DeliveryPolicy.DEFAULT.lease());
        assertThat(workerToGreenMail().drainDue()).isEqualTo(1);
        release.countDown();
        stalledDrain.get(BOUND.toSeconds(), TimeUnit.SECONDS);

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(db.only().getString("status")).isEqualTo("SENT");
        assertThat(db.only()).doesNotContainKey("lastError");
    }

    @Test
    void stopSendsWhatIsDueBeforeReturning() {
        OutboxWorker worker = worker(
                new SmtpMailSender(smtpAt(smtp.getSmtp().getPort())),
                DeliveryPolicy.DEFAULT.withPollInterval(Duration.ofHours(1)));
        StoredMailOutbox waking = outbox(worker);
        worker.start();
        waking.enqueue(VERIFY);
        await().atMost(BOUND).until(() -> "SENT".equals(db.only().getString("status")));
        StoredMailOutbox silent = silentOutbox();
        for (int i = 0; i < 3; i++) {
            silent.enqueue(
                    new EmailMessage("user" + i + "@example.com", Template.PASSWORD_CHANGED, Map.of("name", "U")));
        }

        worker.stop(BOUND);

        assertThat(smtp.getReceivedMessages()).hasSize(4);
        assertThat(db.outbox().countDocuments(Filters.eq("status", "SENT"))).isEqualTo(4);
    }

    @Test
    void stopReturnsWithinItsBoundWhenASendHangsAndLeavesTheMessageToBeTakenOver() throws Exception {
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        OutboxWorker worker = worker(
                (to, message) -> {
                    sending.countDown();
                    release.await();
                },
                DeliveryPolicy.DEFAULT);
        StoredMailOutbox outbox = outbox(worker);
        worker.start();
        try {
            outbox.enqueue(VERIFY);
            assertThat(sending.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();

            long started = System.nanoTime();
            worker.stop(Duration.ofMillis(200));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(db.only().getString("status")).isEqualTo("SENDING");
            assertThat(db.only().getDate("lockedUntil")).isEqualTo(Date.from(T0.plus(DeliveryPolicy.DEFAULT.lease())));
        } finally {
            release.countDown();
        }
    }
}
