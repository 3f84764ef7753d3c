package com.abcdashboard.persistence;

import static com.abcdashboard.persistence.Documents.date;
import static com.abcdashboard.persistence.Documents.instant;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;

import com.abcdashboard.domain.auth.TotpFactor;
import com.abcdashboard.domain.auth.TotpFactorRepository;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * Authenticator apps in the {@code mfa} field of the user's own document in {@code users}: {@code secret}
 * and {@code pendingSecret} (sealed), {@code enabledAt}, {@code lastStep}, {@code recoveryCodes} (hashes).
 * In the user's document so that every change is one conditional update of one document (the embedded
 * server has no transactions), and so that the user record read on every request knows
 * {@code mfaEnabled} without a second read. The record itself never carries the secrets.
 */
public final class MongoTotpFactors implements TotpFactorRepository {
    private static final String MFA = "mfa";
    private static final String SECRET = MFA + ".secret";
    private static final String PENDING = MFA + ".pendingSecret";
    private static final String ENABLED_AT = MFA + ".enabledAt";
    private static final String LAST_STEP = MFA + ".lastStep";
    private static final String RECOVERY = MFA + ".recoveryCodes";

    private final MongoCollection<Document> users;

    public MongoTotpFactors(MongoDatabase database) {
        this.users = database.getCollection(MongoUserRepository.COLLECTION);
    }

    /** Whether the stored user has two-factor sign-in on (for {@code User.mfaEnabled}). */
    static boolean enabled(Document user) {
        Document mfa = user.get(MFA, Document.class);
        return mfa != null && mfa.get("enabledAt") != null && mfa.getString("secret") != null;
    }

    @Override
    public Optional<TotpFactor> find(String userId) {
        return user(userId)
                .map(filter ->
                        users.find(filter).projection(new Document(MFA, 1)).first())
                .map(doc -> doc.get(MFA, Document.class))
                .map(mfa -> new TotpFactor(
                        userId,
                        mfa.getString("secret"),
                        instant(mfa, "enabledAt"),
                        mfa.get("lastStep", Number.class) == null
                                ? Long.MIN_VALUE
                                : mfa.get("lastStep", Number.class).longValue(),
                        mfa.getList("recoveryCodes", String.class, List.of()),
                        mfa.getString("pendingSecret")));
    }

    @Override
    public boolean beginEnrolment(String userId, String sealedSecret, Instant now) {
        return updated(
                userId,
                exists(ENABLED_AT, false),
                // Not an account change (updatedAt stays): nothing of the user as clients see it moves
                // until the enrolment is confirmed.
                Updates.combine(Updates.set(PENDING, sealedSecret), Updates.set(MFA + ".pendingSince", date(now))));
    }

    @Override
    public boolean activate(
            String userId, String sealedPendingSecret, long step, List<String> recoveryCodeHashes, Instant now) {
        return updated(
                userId,
                and(eq(PENDING, sealedPendingSecret), exists(ENABLED_AT, false)),
                Updates.combine(
                        Updates.set(SECRET, sealedPendingSecret),
                        Updates.set(ENABLED_AT, date(now)),
                        Updates.set(LAST_STEP, step),
                        Updates.set(RECOVERY, recoveryCodeHashes),
                        Updates.unset(PENDING),
                        Updates.unset(MFA + ".pendingSince"),
                        Updates.set("updatedAt", date(now))));
    }

    @Override
    public boolean useStep(String userId, long step) {
        return updated(userId, and(exists(ENABLED_AT, true), lt(LAST_STEP, step)), Updates.set(LAST_STEP, step));
    }

    @Override
    public boolean useRecoveryCode(String userId, String codeHash) {
        return updated(userId, and(exists(ENABLED_AT, true), eq(RECOVERY, codeHash)), Updates.pull(RECOVERY, codeHash));
    }

    @Override
    public boolean remove(String userId, Instant now) {
        Optional<Bson> user = user(userId);
        if (user.isEmpty()) {
            return false;
        }
        Document before = users.findOneAndUpdate(
                and(user.get(), exists(MFA, true)),
                Updates.combine(Updates.unset(MFA), Updates.set("updatedAt", date(now))));
        return before != null && enabled(before);
    }

    private boolean updated(String userId, Bson condition, Bson update) {
        return user(userId)
                .map(filter -> users.updateOne(and(filter, condition), update).getModifiedCount() == 1)
                .orElse(false);
    }

    private static Optional<Bson> user(String userId) {
        return Documents.objectId(userId)
                .map(ObjectId.class::cast)
                .map(oid -> and(eq("_id", oid), exists(MongoUserRepository.DELETED_AT, false)));
    }
}
