package com.abcdashboard.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.domain.PageRequest;
import com.abcdashboard.domain.user.NewUser;
import com.abcdashboard.domain.user.Role;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.domain.user.UserEventType;
import com.abcdashboard.domain.user.UserUpdate;
import com.abcdashboard.domain.webhook.NewWebhook;
import com.abcdashboard.domain.webhook.Webhook;
import com.abcdashboard.domain.webhook.WebhookDelivery;
import com.abcdashboard.persistence.MongoPendingUserEvents;
import com.abcdashboard.persistence.MongoUserRepository;
import com.abcdashboard.persistence.MongoWebhookStore;
import com.abcdashboard.testsupport.EmbeddedMongo;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The outbox half of webhooks at the use-case level: a change writes its event into the account in the
 * same write, the event stays there until a relay hands it over (so a process that dies in between loses
 * nothing: any relay, started later, takes it), and handing over twice queues nothing twice.
 */
class EventRelayTest {
    private static final Instant NOW = Instant.parse("2026-12-06T01:00:00Z");

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoDatabase database;
    private MongoUserRepository users;
    private MongoWebhookStore webhooks;
    private final AtomicInteger wakeUps = new AtomicInteger();
    private final ObjectMapper json =
            JsonMapper.builder().addModule(new JavaTimeModule()).build();

    @BeforeEach
    void freshDatabase() {
        database = mongo.freshDatabase();
        users = new MongoUserRepository(database); // no relay listening: as if the process died after the write
        webhooks = new MongoWebhookStore(database);
        webhooks.createIndexes();
    }

    private EventRelay freshRelay() {
        return new EventRelay(
                new MongoPendingUserEvents(database),
                webhooks,
                new UserEventPayloads(json),
                wakeUps::incrementAndGet,
                Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC),
                java.time.Duration.ofSeconds(30));
    }

    private Webhook subscribe(UserEventType... events) {
        return webhooks.insert(
                new NewWebhook("https://hooks.example.com/x", Set.of(events), null, "whsec_AAAA", NOW, "admin"));
    }

    private List<Document> pendingEventsOf(String userId) {
        return database.getCollection("users")
                .find(new Document("_id", new ObjectId(userId)))
                .first()
                .getList("pendingEvents", Document.class);
    }

    @Test
    void anEventWrittenWithTheChangeSurvivesUntilAFreshRelayHandsItOver() {
        Webhook endpoint = subscribe(UserEventType.USER_CREATED);
        User created = users.insert(newUser("jane@example.com"));

        assertThat(pendingEventsOf(created.id()))
                .extracting(d -> d.getString("type"))
                .containsExactly("user.created");

        EventRelay relay = freshRelay();
        assertThat(relay.sweep()).isEqualTo(1);

        assertThat(pendingEventsOf(created.id())).isEmpty();
        List<WebhookDelivery> queued =
                webhooks.deliveries(endpoint.id(), new PageRequest(1, 10)).items();
        assertThat(queued).singleElement().satisfies(d -> {
            assertThat(d.eventType()).isEqualTo("user.created");
            assertThat(d.id()).startsWith("msg_");
        });
        assertThat(wakeUps).hasValue(1);
    }

    @Test
    void handingTheSameEventOverTwiceQueuesOneDelivery() {
        Webhook endpoint = subscribe(UserEventType.USER_CREATED);
        User created = users.insert(newUser("twice@example.com"));
        // Two relays read the pending event before either removes it (two instances, or a crash after
        // queueing and before the removal).
        String eventId = pendingEventsOf(created.id()).getFirst().getString("id");
        webhooks.enqueue(endpoint.id(), eventId, "user.created", "{}", NOW);

        freshRelay().relay(created.id());

        assertThat(webhooks.deliveries(endpoint.id(), new PageRequest(1, 10)).total())
                .isEqualTo(1);
        assertThat(pendingEventsOf(created.id())).isEmpty();
    }

    @Test
    void anAdministrativeUpdateRecordsWhatChangedAndOnlySubscribersGetIt() {
        Webhook roles = subscribe(UserEventType.USER_ROLE_CHANGED);
        Webhook deactivations = subscribe(UserEventType.USER_DEACTIVATED);
        Webhook unrelated = subscribe(UserEventType.USER_PASSWORD_CHANGED);
        User created = users.insert(newUser("promoted@example.com"));
        freshRelay().sweep();

        users.update(created, new UserUpdate(null, Role.MANAGER, false), NOW, "admin");
        assertThat(pendingEventsOf(created.id()))
                .extracting(d -> d.getString("type"))
                .containsExactly("user.role_changed", "user.deactivated");
        freshRelay().sweep();

        assertThat(webhooks.deliveries(roles.id(), new PageRequest(1, 10)).total())
                .isEqualTo(1);
        assertThat(webhooks.deliveries(deactivations.id(), new PageRequest(1, 10))
                        .total())
                .isEqualTo(1);
        assertThat(webhooks.deliveries(unrelated.id(), new PageRequest(1, 10)).total())
                .isZero();
    }

    @Test
    void aDeletedUsersEventIsStillHandedOver() {
        Webhook endpoint = subscribe(UserEventType.USER_DELETED);
        User created = users.insert(newUser("gone@example.com"));
        freshRelay().sweep();

        assertThat(users.softDelete(created, NOW, "admin")).isTrue();
        freshRelay().sweep();

        assertThat(webhooks.deliveries(endpoint.id(), new PageRequest(1, 10)).items())
                .singleElement()
                .extracting(WebhookDelivery::eventType)
                .isEqualTo("user.deleted");
    }

    private static NewUser newUser(String email) {
        return new NewUser(
                email, null, "Jane", "Doe", "Jane Doe", Role.STAFF, null, "en", true, false, "$2a$hash", NOW, null);
    }
}
