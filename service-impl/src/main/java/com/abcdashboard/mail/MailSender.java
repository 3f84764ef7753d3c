package com.abcdashboard.mail;

/** Delivers one rendered email; throws on any failure (the outbox worker retries). */
interface MailSender {
    void send(String to, MailTemplates.Rendered message) throws Exception;
}
