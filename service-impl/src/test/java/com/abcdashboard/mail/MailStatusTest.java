package com.abcdashboard.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.domain.mail.EmailMessage;
import com.abcdashboard.domain.mail.EmailMessage.Template;
import com.abcdashboard.observability.HealthReporter.ServiceState;
import com.abcdashboard.testsupport.FreePort;
import com.abcdashboard.testsupport.MutableClock;
import com.abcdashboard.testsupport.TestSmtp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MailStatusTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @RegisterExtension
    final GreenMailExtension smtp = TestSmtp.perTest();

    private final MutableClock clock = new MutableClock(T0);
    private OutboxDatabase db;
    private StoredMailOutbox outbox;

    @BeforeEach
    void open() {
        db = new OutboxDatabase();
        outbox = new StoredMailOutbox(db.outboxStore(), clock, () -> {});
    }

    @AfterEach
    void close() {
        db.close();
    }

    private OutboxWorker workerTo(int port) {
        return new OutboxWorker(
                db.outboxStore(), new SmtpMailSender(OutboxWorkerTest.smtpAt(port)), clock, DeliveryPolicy.DEFAULT);
    }

    private void enqueue(String to) {
        outbox.enqueue(new EmailMessage(to, Template.PASSWORD_CHANGED, Map.of("name", "Jane")));
    }

    @Test
    void namesTheModeAndIsHealthyWithNothingWaiting() {
        MailStatus status =
                new MailStatus(MailStatus.SMTP, workerTo(smtp.getSmtp().getPort()), 100);

        assertThat(status.get()).isEqualTo(new ServiceState("smtp", false));
    }

    @Test
    void isDegradedAfterAFailedAttemptUntilTheNextDeliverySucceeds() {
        int port = FreePort.closed();
        OutboxWorker worker = workerTo(port);
        MailStatus status = new MailStatus(MailStatus.SMTP, worker, 100);
        enqueue("jane@example.com");

        worker.drainDue();
        assertThat(status.get().degraded()).isTrue();

        GreenMail back = TestSmtp.startedOn(port);
        try {
            clock.advance(Duration.ofMinutes(1));
            worker.drainDue();
            assertThat(status.get().degraded()).isFalse();
        } finally {
            back.stop();
        }
    }

    @Test
    void isDegradedWhenMoreMessagesAreDueThanTheThreshold() {
        MailStatus status =
                new MailStatus(MailStatus.DEV_CAPTURE, workerTo(smtp.getSmtp().getPort()), 2);
        enqueue("a@example.com");
        enqueue("b@example.com");
        assertThat(status.get()).isEqualTo(new ServiceState("dev-capture", false));

        enqueue("c@example.com");

        assertThat(status.get()).isEqualTo(new ServiceState("dev-capture", true));
    }

    @Test
    void messagesWaitingForALaterRetryAreNotBacklog() {
        OutboxWorker down = workerTo(FreePort.closed());
        enqueue("a@example.com");
        enqueue("b@example.com");
        down.drainDue();
        MailStatus status =
                new MailStatus(MailStatus.SMTP, workerTo(smtp.getSmtp().getPort()), 0);

        assertThat(status.get().degraded()).isFalse();
    }
}
