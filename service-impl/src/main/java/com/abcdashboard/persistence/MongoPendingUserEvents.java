package com.abcdashboard.persistence;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

import com.abcdashboard.domain.user.PendingUserEvent;
import com.abcdashboard.domain.user.PendingUserEvents;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.domain.user.UserEventType;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * {@link PendingUserEvents} in the {@code pendingEvents} array of the {@code users} documents, where
 * {@link MongoUserRepository} writes them together with each change. Acknowledging is a {@code $pull} of
 * the event's id: idempotent, and it never touches an event pushed meanwhile.
 */
public final class MongoPendingUserEvents implements PendingUserEvents {
    private static final String EVENT_AT = MongoUserRepository.PENDING_EVENTS + ".at";

    private final MongoCollection<Document> users;

    public MongoPendingUserEvents(MongoDatabase database) {
        this.users = database.getCollection(MongoUserRepository.COLLECTION);
    }

    @Override
    public List<PendingUserEvent> of(String userId) {
        Optional<ObjectId> oid = Documents.objectId(userId);
        if (oid.isEmpty()) {
            return List.of();
        }
        Document doc = users.find(eq("_id", oid.get())).first();
        if (doc == null) {
            return List.of();
        }
        List<Document> pending = doc.getList(MongoUserRepository.PENDING_EVENTS, Document.class, List.of());
        if (pending.isEmpty()) {
            return List.of();
        }
        User user = MongoUserRepository.toUser(doc);
        List<PendingUserEvent> events = new ArrayList<>();
        for (Document event : pending) {
            Optional<UserEventType> type = UserEventType.parse(event.getString("type"));
            if (type.isEmpty()) {
                // Written by a newer version that knows more events: leave it to that version.
                continue;
            }
            Date at = event.getDate("at");
            events.add(
                    new PendingUserEvent(event.getString("id"), type.get(), at == null ? null : at.toInstant(), user));
        }
        return events;
    }

    @Override
    public List<String> usersWithEventsSince(Instant before, int limit) {
        List<String> ids = new ArrayList<>();
        users.find(lte(EVENT_AT, Date.from(before)))
                .projection(Projections.include("_id"))
                .limit(limit)
                .forEach(doc -> ids.add(doc.getObjectId("_id").toHexString()));
        return ids;
    }

    @Override
    public void acknowledge(String userId, String eventId) {
        Documents.objectId(userId)
                .ifPresent(oid -> users.updateOne(
                        eq("_id", oid), Updates.pull(MongoUserRepository.PENDING_EVENTS, new Document("id", eventId))));
    }
}
