package com.abcdashboard.testsupport;

import com.abcdashboard.domain.mail.EmailMessage;
import com.abcdashboard.domain.mail.MailOutbox;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outbox as the use cases see it, kept in memory: what they queued, in order. Delivery (the MongoDB
 * outbox, its worker, SMTP) has tests of its own in {@code mail}; here only what was asked for counts.
 */
public final class QueuedMail implements MailOutbox {
    private static final Pattern TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_-]+)");

    private final List<EmailMessage> queued = new CopyOnWriteArrayList<>();

    @Override
    public void enqueue(EmailMessage message) {
        queued.add(message);
    }

    /** Every message to {@code to}, oldest first. */
    public List<EmailMessage> to(String to) {
        return queued.stream().filter(m -> m.to().equals(to)).toList();
    }

    /** Every message of this template to {@code to}, oldest first. */
    public List<EmailMessage> to(String to, EmailMessage.Template template) {
        return to(to).stream().filter(m -> m.template() == template).toList();
    }

    /** The token of the latest link of this template mailed to {@code to}; fails when there is none. */
    public String latestToken(String to, EmailMessage.Template template) {
        List<EmailMessage> mails = to(to, template);
        if (mails.isEmpty()) {
            throw new AssertionError("no " + template + " mail to " + to + " was queued");
        }
        String link = mails.getLast().variables().get("link");
        Matcher token = TOKEN.matcher(link == null ? "" : link);
        if (!token.find()) {
            throw new AssertionError("no token in the link of the " + template + " mail: " + link);
        }
        return token.group(1);
    }
}
