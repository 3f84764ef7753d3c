package com.abcdashboard.domain.apikey;

import com.abcdashboard.domain.Page;
import com.abcdashboard.domain.PageRequest;
import java.time.Instant;
import java.util.Optional;

/** Where API keys are kept ({@code api_keys}); every write is one atomic single-document operation. */
public interface ApiKeyRepository {
    /**
     * Stores a new key and returns it with its id.
     *
     * @throws DuplicatePrefixException when another key already has this prefix
     */
    ApiKey insert(ApiKey key);

    Optional<ApiKey> findById(String id);

    Optional<ApiKey> findByPrefix(String prefix);

    /** Newest first (ties by id); {@code createdBy} null: every key. */
    Page<ApiKey> find(String createdBy, PageRequest page);

    /** Sets {@code revokedAt} and {@code revokedBy} unless already revoked; true when this call revoked the key. */
    boolean revoke(String id, Instant at, String by);

    /** Sets {@code lastUsedAt} to {@code at} unless it is already at or after {@code notBefore}. */
    void touch(String id, Instant at, Instant notBefore);

    /** Two keys drew the same prefix (40 random bits: rare); the caller draws again. */
    final class DuplicatePrefixException extends RuntimeException {
        public DuplicatePrefixException() {
            super("API key prefix already taken");
        }
    }
}
