package com.abcdashboard.persistence;

import com.abcdashboard.domain.Page;
import com.abcdashboard.domain.PageRequest;
import com.abcdashboard.domain.audit.AuditEvent;
import com.abcdashboard.domain.audit.AuditLog;
import com.abcdashboard.domain.audit.AuditQuery;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.List;
import org.bson.Document;

/** Interim: replaced by the audit-log branch. */
public final class MongoAuditLog implements AuditLog {
    private final MongoCollection<Document> log;

    public MongoAuditLog(MongoDatabase database) {
        this.log = database.getCollection("audit_log");
    }

    @Override
    public void record(AuditEvent event) {
        log.insertOne(new Document("action", event.action().id())
                .append("at", Documents.date(event.at()))
                .append("actorId", event.actorId())
                .append("targetId", event.targetId()));
    }

    @Override
    public Page<AuditEvent> find(AuditQuery query, PageRequest page) {
        return new Page<>(List.of(), 0, page);
    }
}
