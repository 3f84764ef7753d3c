package com.abcdashboard.mail;

import com.abcdashboard.config.AppConfig;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * SMTP through jakarta.mail (Eclipse Angus): multipart/alternative (text + HTML), STARTTLS when the
 * server offers it (or implicit TLS with EMAIL_SECURE), login when EMAIL_USER is set, and timeouts so
 * a slow server never holds the worker for long.
 */
final class SmtpMailSender implements MailSender {
    private static final String TIMEOUT_MS = "10000";

    private final Session session;
    private final InternetAddress from;

    SmtpMailSender(String host, int port, AppConfig.Email config) {
        Properties props = new Properties();
        String protocol = config.secure() ? "smtps" : "smtp";
        props.put("mail.transport.protocol", protocol);
        props.put("mail." + protocol + ".host", host);
        props.put("mail." + protocol + ".port", Integer.toString(port));
        props.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MS);
        props.put("mail." + protocol + ".timeout", TIMEOUT_MS);
        props.put("mail." + protocol + ".writetimeout", TIMEOUT_MS);
        if (!config.secure()) {
            props.put("mail.smtp.starttls.enable", "true");
        }
        Authenticator auth = null;
        if (config.user().isPresent()) {
            props.put("mail." + protocol + ".auth", "true");
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
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void send(String to, MailTemplates.Rendered rendered) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
        message.setSubject(rendered.subject(), StandardCharsets.UTF_8.name());

        MimeBodyPart text = new MimeBodyPart();
        text.setText(rendered.text(), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(rendered.html(), "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        message.setContent(alternative);
        message.saveChanges();
        Transport.send(message);
    }
}
