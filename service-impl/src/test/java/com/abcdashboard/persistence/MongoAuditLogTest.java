package com.abcdashboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.abcdashboard.domain.ClientInfo;
import com.abcdashboard.domain.PageRequest;
import com.abcdashboard.domain.audit.AuditAction;
import com.abcdashboard.domain.audit.AuditEvent;
import com.abcdashboard.domain.audit.AuditQuery;
import com.abcdashboard.testsupport.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

class MongoAuditLogTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final ClientInfo CLIENT = new ClientInfo("203.0.113.7", "curl/8", "corr-1");

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private final Logger auditLogger = (Logger) LoggerFactory.getLogger(MongoAuditLog.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private MongoDatabase database;
    private MongoAuditLog log;

    @BeforeEach
    void freshDatabase() {
        database = mongo.freshDatabase();
        log = new MongoAuditLog(database);
        logged.start();
        auditLogger.addAppender(logged);
    }

    @AfterEach
    void detachAppender() {
        auditLogger.detachAppender(logged);
    }

    @Test
    void anEntryKeepsEveryFact() {
        log.record(AuditEvent.of(
                AuditAction.ROLE_CHANGED,
                T0,
                "admin",
                "jane",
                CLIENT,
                Map.of("fromRole", "staff", "toRole", "manager")));

        AuditEvent stored =
                log.find(AuditQuery.ALL, new PageRequest(1, 10)).items().get(0);
        assertThat(stored.id()).hasSize(24);
        assertThat(stored)
                .usingRecursiveComparison()
                .ignoringFields("id")
                .isEqualTo(AuditEvent.of(
                        AuditAction.ROLE_CHANGED,
                        T0,
                        "admin",
                        "jane",
                        CLIENT,
                        Map.of("fromRole", "staff", "toRole", "manager")));
    }

    @Test
    void entriesComeNewestFirstWithTiesInReverseInsertionOrderAndFilterByEveryField() {
        log.record(event(AuditAction.LOGIN_SUCCESS, T0, "a", "a"));
        log.record(event(AuditAction.LOGIN_FAILURE, T0, "b", "b"));
        log.record(event(AuditAction.USER_DELETED, T0.plusSeconds(60), "a", "b"));
        log.record(event(AuditAction.LOGIN_SUCCESS, T0.plusSeconds(120), "b", "b"));

        assertThat(actions(AuditQuery.ALL))
                .containsExactly("login_success", "user_deleted", "login_failure", "login_success");
        assertThat(actions(new AuditQuery("a", null, null, null, null)))
                .containsExactly("user_deleted", "login_success");
        assertThat(actions(new AuditQuery(null, "b", AuditAction.LOGIN_FAILURE, null, null)))
                .containsExactly("login_failure");
        assertThat(actions(new AuditQuery(null, null, null, T0.plusSeconds(60), T0.plusSeconds(120))))
                .containsExactly("user_deleted");
        assertThat(log.find(AuditQuery.ALL, new PageRequest(2, 3)).items()).hasSize(1);
        assertThat(log.find(AuditQuery.ALL, new PageRequest(3, 3)).total()).isEqualTo(4);
    }

    @Test
    void aWriteThatFailsIsLoggedNotThrown() {
        try (MongoClient unreachable = MongoClients.create("mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=200")) {
            MongoAuditLog offline = new MongoAuditLog(unreachable.getDatabase("nowhere"));
            assertThatCode(() -> offline.record(event(AuditAction.LOGIN_SUCCESS, T0, "a", "a")))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void absentFactsAreAbsentFieldsNotNulls() {
        log.record(AuditEvent.of(AuditAction.LOGIN_FAILURE, T0, null, null, null, null));

        Document stored =
                database.getCollection(MongoAuditLog.COLLECTION).find().first();
        assertThat(stored).containsOnlyKeys("_id", "action", "at");
        assertThat(stored.getString("action")).isEqualTo("login_failure");
        AuditEvent read =
                log.find(AuditQuery.ALL, new PageRequest(1, 10)).items().get(0);
        assertThat(read.client()).isEqualTo(ClientInfo.UNKNOWN);
        assertThat(read.details()).isEmpty();
    }

    @Test
    void aWriteAfterTheClientClosedIsLoggedNotThrown() {
        MongoClient closed = MongoClients.create(mongo.connectionString());
        MongoAuditLog late = new MongoAuditLog(closed.getDatabase("late"));
        closed.close();

        assertThatCode(() -> late.record(event(AuditAction.PASSWORD_CHANGED, T0, "a", "a")))
                .doesNotThrowAnyException();
        assertThat(logged.list)
                .singleElement()
                .satisfies(e -> assertThat(e.getLevel()).isEqualTo(Level.ERROR))
                .satisfies(
                        e -> assertThat(e.getFormattedMessage()).contains("password_changed", "IllegalStateException"));
    }

    @Test
    void aRefusedWriteIsLoggedWithoutTheDetails() {
        // Any server-side refusal will do; a duplicate key is one whose message quotes the document.
        database.getCollection(MongoAuditLog.COLLECTION)
                .createIndex(new Document("details.email", 1), new IndexOptions().unique(true));
        AuditEvent attempt = AuditEvent.of(
                AuditAction.LOGIN_FAILURE,
                T0,
                null,
                null,
                CLIENT,
                Map.of("reason", "unknown_email", "email", "someone@example.com"));
        log.record(attempt);

        assertThatCode(() -> log.record(attempt)).doesNotThrowAnyException();
        assertThat(logged.list)
                .singleElement()
                .satisfies(e -> assertThat(e.getLevel()).isEqualTo(Level.ERROR))
                .satisfies(e -> assertThat(e.getFormattedMessage())
                        .contains("login_failure", "11000")
                        .doesNotContain("someone@example.com"));
    }

    private List<String> actions(AuditQuery query) {
        return log.find(query, new PageRequest(1, 100)).items().stream()
                .map(e -> e.action().id())
                .toList();
    }

    private static AuditEvent event(AuditAction action, Instant at, String actor, String target) {
        return AuditEvent.of(action, at, actor, target, CLIENT, Map.of());
    }
}
