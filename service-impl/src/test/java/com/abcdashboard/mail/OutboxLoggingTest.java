package com.abcdashboard.mail;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.abcdashboard.domain.mail.EmailMessage;
import com.abcdashboard.domain.mail.EmailMessage.Template;
import com.abcdashboard.testsupport.FreePort;
import com.abcdashboard.testsupport.MutableClock;
import com.abcdashboard.testsupport.TestSmtp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** Variables carry one-time links: no log line of the mail code may show them, nor the recipient. */
class OutboxLoggingTest {
    private static final String TOKEN = "tok_9c1d0e";
    private static final EmailMessage RESET = new EmailMessage(
            "jane.doe@example.com",
            Template.PASSWORD_RESET,
            Map.of("name", "Jane", "link", "http://localhost:3000/reset?token=" + TOKEN, "expiresInMinutes", "10"));

    @RegisterExtension
    final GreenMailExtension smtp = TestSmtp.perTest();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final Logger mailLogger = (Logger) LoggerFactory.getLogger("com.abcdashboard.mail");
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private OutboxDatabase db;

    @BeforeEach
    void open() {
        db = new OutboxDatabase();
        logged.start();
        mailLogger.addAppender(logged);
    }

    @AfterEach
    void close() {
        mailLogger.detachAppender(logged);
        db.close();
    }

    private OutboxWorker workerTo(int port) {
        return new OutboxWorker(
                db.outboxStore(), new SmtpMailSender(OutboxWorkerTest.smtpAt(port)), clock, DeliveryPolicy.DEFAULT);
    }

    @Test
    void deliveryAndFailureLogsNameTheTemplateAndTheRecipientDomainOnly() {
        StoredMailOutbox outbox = new StoredMailOutbox(db.outboxStore(), clock, () -> {});
        outbox.enqueue(RESET);
        workerTo(FreePort.closed()).drainDue();
        clock.advance(java.time.Duration.ofMinutes(1));
        workerTo(smtp.getSmtp().getPort()).drainDue();

        List<ILoggingEvent> events = logged.list;
        assertThat(events).hasSizeGreaterThanOrEqualTo(2);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.getFormattedMessage()).doesNotContain(TOKEN, "jane.doe", "Jane");
            assertThat(event.getThrowableProxy()).isNull();
        });
        assertThat(events)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("PASSWORD_RESET", "example.com", "MailConnectException"))
                .anySatisfy(line -> assertThat(line).contains("PASSWORD_RESET", "example.com", "sent"));
    }
}
