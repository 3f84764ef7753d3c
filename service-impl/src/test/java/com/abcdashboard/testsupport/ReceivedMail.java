package com.abcdashboard.testsupport;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** What a recipient sees of one message: headers and the two alternative parts, in order. */
public record ReceivedMail(
        String to,
        String subject,
        InternetAddress from,
        String contentType,
        List<String> partTypes,
        String text,
        String html) {

    public static ReceivedMail of(MimeMessage message) {
        try {
            Multipart parts = (Multipart) message.getContent();
            List<String> types = new ArrayList<>();
            String text = null;
            String html = null;
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                types.add(part.getContentType().split(";")[0].trim().toLowerCase());
                if (part.isMimeType("text/plain")) {
                    text = (String) part.getContent();
                } else if (part.isMimeType("text/html")) {
                    html = (String) part.getContent();
                }
            }
            return new ReceivedMail(
                    message.getAllRecipients()[0].toString(),
                    message.getSubject(),
                    (InternetAddress) message.getFrom()[0],
                    message.getContentType(),
                    types,
                    text,
                    html);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
