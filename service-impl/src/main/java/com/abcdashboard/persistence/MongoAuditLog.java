package com.abcdashboard.persistence;

import static com.abcdashboard.persistence.Documents.date;
import static com.abcdashboard.persistence.Documents.instant;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.abcdashboard.domain.ClientInfo;
import com.abcdashboard.domain.Page;
import com.abcdashboard.domain.PageRequest;
import com.abcdashboard.domain.audit.AuditAction;
import com.abcdashboard.domain.audit.AuditEvent;
import com.abcdashboard.domain.audit.AuditLog;
import com.abcdashboard.domain.audit.AuditQuery;
import com.mongodb.MongoException;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code audit_log} collection: append-only, one document per event, read newest first. A failed
 * write is logged at ERROR and swallowed — the recorded action has already happened and must not be
 * reported as failed because its record could not be written.
 */
public final class MongoAuditLog implements AuditLog {
    static final String COLLECTION = "audit_log";
    private static final Logger LOG = LoggerFactory.getLogger(MongoAuditLog.class);

    static final String AT_INDEX = "audit_log_at_id";
    static final String ACTOR_INDEX = "audit_log_actor_at";
    static final String TARGET_INDEX = "audit_log_target_at";
    static final String ACTION_INDEX = "audit_log_action_at";

    static final List<IndexModel> INDEXES = List.of(
            new IndexModel(Indexes.descending("at", "_id"), new IndexOptions().name(AT_INDEX)),
            new IndexModel(
                    Indexes.compoundIndex(Indexes.ascending("actorId"), Indexes.descending("at", "_id")),
                    new IndexOptions().name(ACTOR_INDEX)),
            new IndexModel(
                    Indexes.compoundIndex(Indexes.ascending("targetId"), Indexes.descending("at", "_id")),
                    new IndexOptions().name(TARGET_INDEX)),
            new IndexModel(
                    Indexes.compoundIndex(Indexes.ascending("action"), Indexes.descending("at", "_id")),
                    new IndexOptions().name(ACTION_INDEX)));

    private final MongoCollection<Document> log;

    public MongoAuditLog(MongoDatabase database) {
        this.log = database.getCollection(COLLECTION);
    }

    @Override
    public void record(AuditEvent event) {
        try {
            log.insertOne(toDocument(event));
        } catch (MongoServerException e) {
            // The server's message can quote the document (a validation error does), so code only.
            failed(event, e.getClass().getSimpleName() + " " + e.getCode());
        } catch (MongoException e) {
            // Client side: timeouts, an unreachable server; the message describes the cluster.
            failed(event, e.getMessage());
        } catch (RuntimeException e) {
            // A client closed during shutdown throws IllegalStateException, and the action being
            // recorded has happened all the same. Not a driver message, so its type only.
            failed(event, e.getClass().getName());
        }
    }

    private static Document toDocument(AuditEvent event) {
        Document doc = new Document("_id", new ObjectId())
                .append("action", event.action().id())
                .append("at", date(event.at()));
        putIfNotNull(doc, "actorId", event.actorId());
        putIfNotNull(doc, "targetId", event.targetId());
        putIfNotNull(doc, "ipAddress", event.client().ipAddress());
        putIfNotNull(doc, "userAgent", event.client().userAgent());
        putIfNotNull(doc, "correlationId", event.client().correlationId());
        if (event.client().apiKey() != null) {
            doc.append("apiKeyId", event.client().apiKey().id())
                    .append("apiKeyPrefix", event.client().apiKey().prefix());
        }
        if (!event.details().isEmpty()) {
            doc.append("details", new Document(event.details()));
        }
        return doc;
    }

    /** Action and ids only: the details may carry an attempted email address. */
    private static void failed(AuditEvent event, String cause) {
        LOG.error(
                "Audit entry {} (actor {}, target {}) could not be written: {}",
                event.action() == null ? null : event.action().id(),
                event.actorId(),
                event.targetId(),
                cause);
    }

    @Override
    public Page<AuditEvent> find(AuditQuery query, PageRequest page) {
        Bson filter = filter(query);
        long total = log.countDocuments(filter);
        List<AuditEvent> items = new ArrayList<>();
        if (page.offset() < total) {
            log.find(filter)
                    .sort(Sorts.descending("at", "_id"))
                    .skip((int) page.offset())
                    .limit(page.limit())
                    .forEach(d -> items.add(toEvent(d)));
        }
        return new Page<>(items, total, page);
    }

    private static Bson filter(AuditQuery query) {
        List<Bson> parts = new ArrayList<>();
        if (query.actorId() != null) {
            parts.add(eq("actorId", query.actorId()));
        }
        if (query.targetId() != null) {
            parts.add(eq("targetId", query.targetId()));
        }
        if (query.action() != null) {
            parts.add(eq("action", query.action().id()));
        }
        if (query.from() != null) {
            parts.add(gte("at", date(query.from())));
        }
        if (query.to() != null) {
            parts.add(lt("at", date(query.to())));
        }
        return parts.isEmpty() ? new Document() : and(parts);
    }

    private static AuditEvent toEvent(Document d) {
        return new AuditEvent(
                d.getObjectId("_id").toHexString(),
                // Unknown stored actions (a newer version wrote them) read as the closest generic one.
                AuditAction.parse(d.getString("action")).orElse(AuditAction.USER_UPDATED),
                instant(d, "at"),
                d.getString("actorId"),
                d.getString("targetId"),
                new ClientInfo(
                        d.getString("ipAddress"),
                        d.getString("userAgent"),
                        d.getString("correlationId"),
                        d.getString("apiKeyId") == null
                                ? null
                                : new ClientInfo.ApiKeyRef(d.getString("apiKeyId"), d.getString("apiKeyPrefix"))),
                Documents.strings(d.get("details", Document.class)));
    }

    private static void putIfNotNull(Document doc, String field, Object value) {
        if (value != null) {
            doc.append(field, value);
        }
    }
}
