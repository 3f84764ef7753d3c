package com.abcdashboard.domain.webhook;

import java.time.Instant;

/**
 * One event's delivery to one endpoint, over all its attempts.
 *
 * @param id the {@code webhook-id} header of every attempt ({@code msg_...})
 * @param lastResponseCode nullable: no attempt yet, or the last one got no answer
 * @param nextAttemptAt nullable once settled
 * @param completedAt nullable while pending
 */
public record WebhookDelivery(
        String id,
        String webhookId,
        String eventType,
        DeliveryStatus status,
        int attempts,
        Integer lastResponseCode,
        String lastError,
        Instant nextAttemptAt,
        Instant createdAt,
        Instant completedAt) {}
