package com.abcdashboard.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.abcdashboard.config.AppConfig;
import com.abcdashboard.testsupport.ReceivedMail;
import com.abcdashboard.testsupport.TestSmtp;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpMailSenderTest {
    private static final MailTemplates.Rendered MAIL =
            new MailTemplates.Rendered("Grüße from ABC", "plain body", "<p>html body</p>");

    @RegisterExtension
    final GreenMailExtension smtp = TestSmtp.perTest();

    private static AppConfig.Email email(boolean secure, int port, Optional<String> user) {
        return new AppConfig.Email(
                Optional.of("smtp.example.com"),
                port,
                secure,
                user,
                user.map(u -> "secret"),
                "no-reply@example.com",
                "ABC Dashboard");
    }

    @Test
    void sendsOneMultipartAlternativeMessageFromTheNamedSender() throws Exception {
        new SmtpMailSender(OutboxWorkerTest.smtpAt(smtp.getSmtp().getPort())).send("jane@example.com", MAIL);

        MimeMessage received = smtp.getReceivedMessages()[0];
        ReceivedMail mail = ReceivedMail.of(received);
        assertThat(mail.from().getPersonal()).isEqualTo("ABC Dashboard");
        assertThat(mail.from().getAddress()).isEqualTo("no-reply@abc-dashboard.test");
        assertThat(mail.subject()).isEqualTo("Grüße from ABC");
        assertThat(mail.partTypes()).containsExactly("text/plain", "text/html");
        assertThat(mail.text()).isEqualTo("plain body");
        assertThat(mail.html()).isEqualTo("<p>html body</p>");
        assertThat(received.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    }

    @Test
    void withoutEmailSecureItUpgradesWithStartTlsWhenOfferedAndSendsNoCredentials() {
        Properties props = SmtpMailSender.properties(email(false, 587, Optional.empty()), SmtpMailSender.TIMEOUT);

        assertThat(props)
                .containsEntry("mail.transport.protocol", "smtp")
                .containsEntry("mail.smtp.host", "smtp.example.com")
                .containsEntry("mail.smtp.port", "587")
                .containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
                .doesNotContainKeys("mail.smtp.auth", "mail.smtp.starttls.required");
    }

    @Test
    void withCredentialsStartTlsIsRequiredSoThePasswordNeverTravelsInClear() {
        Properties props = SmtpMailSender.properties(email(false, 587, Optional.of("mailer")), SmtpMailSender.TIMEOUT);

        assertThat(props)
                .containsEntry("mail.smtp.auth", "true")
                .containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true");
    }

    @Test
    void withEmailSecureItSpeaksImplicitTls() {
        Properties props = SmtpMailSender.properties(email(true, 465, Optional.of("mailer")), SmtpMailSender.TIMEOUT);

        assertThat(props)
                .containsEntry("mail.transport.protocol", "smtps")
                .containsEntry("mail.smtps.host", "smtp.example.com")
                .containsEntry("mail.smtps.port", "465")
                .containsEntry("mail.smtps.auth", "true")
                .containsEntry("mail.smtps.ssl.checkserveridentity", "true");
    }

    @Test
    void connectReadAndWriteAllTimeOutAfterTenSeconds() {
        Properties props = SmtpMailSender.properties(email(false, 587, Optional.empty()), SmtpMailSender.TIMEOUT);

        assertThat(props)
                .containsEntry("mail.smtp.connectiontimeout", "10000")
                .containsEntry("mail.smtp.timeout", "10000")
                .containsEntry("mail.smtp.writetimeout", "10000");
    }

    @Test
    void aServerThatAcceptsButNeverAnswersCostsOneBoundedAttempt() throws Exception {
        // Accepted by the kernel's backlog, never greeted: the read of the SMTP greeting must time out.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            SmtpMailSender sender =
                    new SmtpMailSender(OutboxWorkerTest.smtpAt(silent.getLocalPort()), Duration.ofMillis(300));

            assertTimeoutPreemptively(
                    Duration.ofSeconds(10),
                    () -> assertThatThrownBy(() -> sender.send("jane@example.com", MAIL))
                            .isInstanceOf(MessagingException.class)
                            .hasRootCauseInstanceOf(SocketTimeoutException.class));
        }
    }
}
