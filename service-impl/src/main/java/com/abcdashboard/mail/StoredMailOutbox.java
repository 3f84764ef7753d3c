package com.abcdashboard.mail;

import com.abcdashboard.domain.mail.EmailMessage;
import com.abcdashboard.domain.mail.MailOutbox;
import com.abcdashboard.domain.mail.OutboxStore;
import java.time.Clock;

/**
 * Stores mail in the {@link OutboxStore} before anything is sent, then nudges the worker ({@code
 * wakeWorker}). A request only pays for one insert; delivery, retries and restarts are the {@link
 * OutboxWorker}'s business.
 */
public record StoredMailOutbox(OutboxStore store, Clock clock, Runnable wakeWorker) implements MailOutbox {
    @Override
    public void enqueue(EmailMessage message) {
        store.add(message, clock.instant());
        wakeWorker.run();
    }
}
