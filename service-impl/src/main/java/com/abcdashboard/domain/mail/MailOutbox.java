package com.abcdashboard.domain.mail;

/**
 * Where the domain hands over mail. Implementations persist the message first ({@code email_outbox})
 * and deliver it in the background with retries, so a request never waits for or fails on SMTP.
 */
public interface MailOutbox {
    void enqueue(EmailMessage message);
}
