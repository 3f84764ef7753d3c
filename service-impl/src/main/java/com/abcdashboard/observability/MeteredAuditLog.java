package com.abcdashboard.observability;

import com.abcdashboard.domain.Page;
import com.abcdashboard.domain.PageRequest;
import com.abcdashboard.domain.audit.AuditEvent;
import com.abcdashboard.domain.audit.AuditLog;
import com.abcdashboard.domain.audit.AuditQuery;

/** Counts every audit event ({@code audit_events_total{action}}) on its way to the audit log. */
public final class MeteredAuditLog implements AuditLog {
    private final AuditLog log;
    private final ServiceMetrics metrics;

    public MeteredAuditLog(AuditLog log, ServiceMetrics metrics) {
        this.log = log;
        this.metrics = metrics;
    }

    @Override
    public void record(AuditEvent event) {
        metrics.auditEvent(event.action().id());
        log.record(event);
    }

    @Override
    public Page<AuditEvent> find(AuditQuery query, PageRequest page) {
        return log.find(query, page);
    }
}
