package com.abcdashboard.mail;

/**
 * Delivers one rendered email. Throws {@link UndeliverableMailException} when no retry can help, any
 * other exception when a later attempt may succeed (the outbox worker retries those).
 */
public interface MailSender {
    void send(String to, MailTemplates.Rendered message) throws Exception;
}
