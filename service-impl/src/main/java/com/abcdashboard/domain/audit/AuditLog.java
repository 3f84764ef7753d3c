package com.abcdashboard.domain.audit;

import com.abcdashboard.domain.Page;
import com.abcdashboard.domain.PageRequest;

/**
 * The audit trail ({@code audit_log} collection). Recording never fails the operation that is being
 * recorded: the action already happened, so a failed write is logged as an error instead.
 */
public interface AuditLog {
    void record(AuditEvent event);

    /** Newest first, ties broken by id (newest id first). */
    Page<AuditEvent> find(AuditQuery query, PageRequest page);
}
