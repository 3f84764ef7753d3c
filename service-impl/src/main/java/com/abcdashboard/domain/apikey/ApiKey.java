package com.abcdashboard.domain.apikey;

import java.time.Instant;
import java.util.Set;

/**
 * A stored API key. The key itself is never stored: only {@code digest}, its SHA-256 (the key has full
 * entropy, so a fast hash is enough). {@code prefix} is public: it names the key in lists, logs and
 * audit entries, and finds the stored record when the key is presented.
 *
 * @param id null until stored
 * @param expiresAt null: the key does not expire
 * @param lastUsedAt null: never used; refreshed at most once per {@link ApiKeys#LAST_USED_PRECISION}
 * @param revokedAt null: not revoked
 * @param revokedBy who revoked it; null: not revoked
 */
public record ApiKey(
        String id,
        String name,
        Set<ApiKeyScope> scopes,
        String prefix,
        String digest,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt,
        String revokedBy) {
    public ApiKey {
        scopes = Set.copyOf(scopes);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    /** Expired at {@code now}: a key stops working at its {@code expiresAt}. */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
