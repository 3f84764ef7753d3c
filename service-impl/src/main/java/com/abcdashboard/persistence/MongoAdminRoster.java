package com.abcdashboard.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * The "at least one active admin" invariant, enforced without transactions (the embedded server has
 * none) and without read-then-write: one document, {@code {_id: "active-admins", ids: [...]}}, lists
 * active admins, and taking an admin away is a single conditional update —
 * {@code $pull} the id only if the list has a second member ({@code "ids.1"} exists). Two admins
 * demoting each other at once cannot both succeed.
 *
 * <p>The list is kept a <em>subset</em> of the real active admins, which is what makes the guard safe:
 * ids are pulled <em>before</em> a demotion, deactivation or deletion is written, and added
 * <em>after</em> a promotion, reactivation or admin creation is written. A crash between the two steps
 * leaves the list short by one admin, which errs on the side of refusing; {@link #heal} adds back real
 * admins that nothing is changing right now, and runs when the service starts.
 */
final class MongoAdminRoster {
    static final String COLLECTION = "user_invariants";
    static final String ID = "active-admins";
    private static final String IDS = "ids";
    /** Users changed more recently than this may be mid-change on another instance: not healed. */
    private static final Duration SETTLED = Duration.ofMinutes(1);

    enum Release {
        /** The id was on the list and is off it now. */
        RELEASED,
        /** The id was not on the list (it never was, or drifted off); another admin remains. */
        NOT_LISTED,
        /** Taking it away would leave no active admin. */
        REFUSED
    }

    private final MongoCollection<Document> roster;
    private final MongoCollection<Document> users;

    MongoAdminRoster(MongoDatabase database, MongoCollection<Document> users) {
        this.roster = database.getCollection(COLLECTION);
        this.users = users;
    }

    /** Takes {@code adminId} off the list unless it is the last one. */
    Release release(ObjectId adminId) {
        ensureExists();
        Bson listedWithAnother = and(eq("_id", ID), eq(IDS, adminId), exists(IDS + ".1"));
        if (roster.findOneAndUpdate(listedWithAnother, Updates.pull(IDS, adminId)) != null) {
            return Release.RELEASED;
        }
        Bson anotherListed = and(eq("_id", ID), ne(IDS, adminId), exists(IDS + ".0"));
        return roster.countDocuments(anotherListed) > 0 ? Release.NOT_LISTED : Release.REFUSED;
    }

    /** Puts {@code adminId} on the list; call after the user became an active admin. */
    void admit(ObjectId adminId) {
        ensureExists();
        roster.updateOne(eq("_id", ID), Updates.addToSet(IDS, adminId));
    }

    /** Adds every active admin not changed within the last minute (only adds: never unsafe for the guard). */
    void heal(Instant now) {
        ensureExists();
        List<ObjectId> settled = activeAdmins(lt("updatedAt", Date.from(now.minus(SETTLED))));
        if (!settled.isEmpty()) {
            roster.updateOne(eq("_id", ID), Updates.addEachToSet(IDS, settled));
        }
    }

    List<ObjectId> listed() {
        Document doc = roster.find(eq("_id", ID)).first();
        return doc == null ? List.of() : doc.getList(IDS, ObjectId.class);
    }

    /** Creates the list from the users the first time it is needed (an existing database, a new install). */
    private void ensureExists() {
        if (roster.countDocuments(eq("_id", ID)) > 0) {
            return;
        }
        try {
            roster.updateOne(
                    eq("_id", ID),
                    Updates.setOnInsert(IDS, activeAdmins(new Document())),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            // Another instance created it at the same moment: theirs is as good as ours.
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private List<ObjectId> activeAdmins(Bson extra) {
        Bson filter =
                and(eq("role", "admin"), eq("active", true), exists(MongoUserRepository.DELETED_AT, false), extra);
        List<ObjectId> ids = new ArrayList<>();
        users.find(filter).projection(Projections.include("_id")).forEach(d -> ids.add(d.getObjectId("_id")));
        return ids;
    }
}
