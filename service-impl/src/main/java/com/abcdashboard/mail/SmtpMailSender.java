package com.abcdashboard.mail;

import com.abcdashboard.config.AppConfig;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;

/**
 * SMTP through jakarta.mail (Eclipse Angus): multipart/alternative (text, then HTML), From with the
 * display name. {@code EMAIL_SECURE=true} speaks implicit TLS (smtps, usually port 465); otherwise the
 * connection is upgraded with STARTTLS when the server offers it (port 587), and STARTTLS is required
 * as soon as credentials are configured, so a password never crosses the wire in clear. The server's
 * certificate must match its host name. Connect, read and write time out, so a slow or silent server
 * costs the worker one bounded attempt, never a hang.
 */
public final class SmtpMailSender implements MailSender {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Session session;
    private final InternetAddress from;

    /** @param config an EMAIL_* configuration with a host (the capture server's, in development) */
    public SmtpMailSender(AppConfig.Email config) {
        this(config, TIMEOUT);
    }

    SmtpMailSender(AppConfig.Email config, Duration timeout) {
        Properties props = properties(config, timeout);
        Authenticator auth = null;
        if (config.user().isPresent()) {
            String user = config.user().get();
            String password = config.password().orElse("");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        this.session = Session.getInstance(props, auth);
        try {
            this.from = new InternetAddress(config.fromAddress(), config.fromName(), StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The jakarta.mail session properties for {@code config}: protocol, TLS, authentication, timeouts. */
    static Properties properties(AppConfig.Email config, Duration timeout) {
        String protocol = config.secure() ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        String timeoutMs = Long.toString(timeout.toMillis());
        Properties props = new Properties();
        props.put("mail.transport.protocol", protocol);
        props.put(prefix + "host", config.host().orElseThrow(() -> new IllegalArgumentException("no EMAIL_HOST")));
        props.put(prefix + "port", Integer.toString(config.port()));
        props.put(prefix + "connectiontimeout", timeoutMs);
        props.put(prefix + "timeout", timeoutMs);
        props.put(prefix + "writetimeout", timeoutMs);
        props.put(prefix + "ssl.checkserveridentity", "true");
        if (!config.secure()) {
            props.put("mail.smtp.starttls.enable", "true");
            if (config.user().isPresent()) {
                props.put("mail.smtp.starttls.required", "true");
            }
        }
        if (config.user().isPresent()) {
            props.put(prefix + "auth", "true");
        }
        return props;
    }

    @Override
    public void send(String to, MailTemplates.Rendered rendered) throws MessagingException, UndeliverableMailException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, recipient(to));
        message.setSubject(rendered.subject(), StandardCharsets.UTF_8.name());
        // RFC 3834: tells auto-responders (out-of-office replies) not to answer.
        message.setHeader("Auto-Submitted", "auto-generated");

        MimeBodyPart text = new MimeBodyPart();
        text.setText(rendered.text(), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(rendered.html(), "text/html; charset=UTF-8");
        message.setContent(new MimeMultipart("alternative", text, html));
        message.saveChanges();
        Transport.send(message);
    }

    private static InternetAddress[] recipient(String to) throws UndeliverableMailException {
        try {
            InternetAddress[] parsed = InternetAddress.parse(String.valueOf(to), true);
            if (parsed.length != 1) {
                throw new AddressException("exactly one recipient expected");
            }
            parsed[0].validate();
            return parsed;
        } catch (AddressException e) {
            throw new UndeliverableMailException("The recipient is not an email address", e);
        }
    }
}
