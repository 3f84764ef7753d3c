package com.abcdashboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.abcdashboard.domain.PageRequest;
import com.abcdashboard.domain.audit.AuditAction;
import com.abcdashboard.domain.audit.AuditEvent;
import com.abcdashboard.domain.audit.AuditQuery;
import com.abcdashboard.domain.auth.ClientInfo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoAuditLogTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final ClientInfo CLIENT = new ClientInfo("203.0.113.7", "curl/8", "corr-1");

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoAuditLog log;

    @BeforeEach
    void freshDatabase() {
        log = new MongoAuditLog(mongo.freshDatabase());
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

    private List<String> actions(AuditQuery query) {
        return log.find(query, new PageRequest(1, 100)).items().stream()
                .map(e -> e.action().id())
                .toList();
    }

    private static AuditEvent event(AuditAction action, Instant at, String actor, String target) {
        return AuditEvent.of(action, at, actor, target, CLIENT, Map.of());
    }
}
