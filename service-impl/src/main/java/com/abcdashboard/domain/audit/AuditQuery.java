package com.abcdashboard.domain.audit;

import java.time.Instant;

/** Filters of an audit log read; null = no filter. {@code from} inclusive, {@code to} exclusive. */
public record AuditQuery(String actorId, String targetId, AuditAction action, Instant from, Instant to) {
    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null);
}
