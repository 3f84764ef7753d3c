package com.abcdashboard.domain.audit;

import com.abcdashboard.domain.ClientInfo;
import java.time.Instant;
import java.util.Map;

/**
 * One security-relevant event: who ({@code actorId}, null for a failed sign-in with an unknown email)
 * did what to whom ({@code targetId}), when, from where, under which correlation id.
 *
 * @param id null until stored
 * @param details event-specific facts (e.g. fromRole/toRole); never secrets
 */
public record AuditEvent(
        String id,
        AuditAction action,
        Instant at,
        String actorId,
        String targetId,
        ClientInfo client,
        Map<String, String> details) {
    public AuditEvent {
        client = client == null ? ClientInfo.UNKNOWN : client;
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static AuditEvent of(
            AuditAction action,
            Instant at,
            String actorId,
            String targetId,
            ClientInfo client,
            Map<String, String> details) {
        return new AuditEvent(null, action, at, actorId, targetId, client, details);
    }
}
