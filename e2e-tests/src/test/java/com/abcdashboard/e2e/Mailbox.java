package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.mail.DevMailServer;
import com.abcdashboard.testsupport.ReceivedMail;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/** The mail the service sent over SMTP to the in-process capture server. */
final class Mailbox {
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

    record Mail(String to, String subject, String text, String html) {
        String token() {
            Matcher m = TOKEN.matcher(text);
            assertThat(m.find()).as("a link with a token in: " + text).isTrue();
            return m.group(1);
        }
    }

    private Mailbox() {}

    private static DevMailServer server() {
        var app = RunningService.target().inProcess();
        Assumptions.assumeTrue(app.isPresent(), "reading mail needs the in-process service");
        return app.get().devMailServer().orElseThrow();
    }

    /** Every mail to {@code address} so far, oldest first. */
    static List<Mail> all(String address) {
        List<Mail> found = new ArrayList<>();
        for (MimeMessage message : server().received()) {
            try {
                for (Address to : message.getAllRecipients()) {
                    if (to.toString().equalsIgnoreCase(address)) {
                        found.add(parse(address, message));
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    /** Waits (bounded) until {@code address} has received {@code count} mails; returns the last one. */
    static Mail awaitMail(String address, int count) {
        server(); // against an external instance: skip the test, as reading mail needs the in-process service
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            RunningService.target().inProcess().orElseThrow().deliverDueMail();
            List<Mail> mails = all(address);
            if (mails.size() >= count) {
                return mails.get(count - 1);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(
                    Duration.ofMillis(50).toNanos());
        }
        throw new AssertionError("no mail #" + count + " for " + address + " within 15 s");
    }

    private static Mail parse(String to, MimeMessage message) {
        ReceivedMail received = ReceivedMail.of(message);
        return new Mail(to, received.subject(), received.text(), received.html());
    }
}
