package com.abcdashboard.http;

import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
import com.abcdashboard.domain.apikey.ApiKeyFormat;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The API key a request presents: {@code X-API-Key: <key>}, or {@code Authorization: Bearer <key>} when
 * the bearer credential has the key's shape ({@code abc_…}; an access token is a JWT). Two credentials —
 * two {@code X-API-Key} fields, or one beside an {@code Authorization} header — are ambiguous, and
 * neither counts.
 */
final class ApiKeyCredential {
    static final HeaderName X_API_KEY = HeaderNames.create("X-API-Key");
    /** Far above a key's 56 characters; anything longer is not a key and is not digested. */
    private static final int MAX_LENGTH = 256;

    private ApiKeyCredential() {}

    /**
     * The presented key, empty when the request presents none.
     *
     * @throws DomainException 401 when the request presents a key ambiguously or one too long to be a key
     */
    static Optional<String> of(Headers headers) {
        List<String> keyFields = headers.all(X_API_KEY, List::of);
        List<String> authorization = headers.all(HeaderNames.AUTHORIZATION, List::of);
        String key;
        if (!keyFields.isEmpty()) {
            if (keyFields.size() > 1 || !authorization.isEmpty()) {
                throw new DomainException(
                        ErrorCategory.AUTHENTICATION, "Send one credential: an API key or a bearer token");
            }
            key = keyFields.getFirst().trim();
        } else if (authorization.size() == 1 && bearerKey(authorization.getFirst())) {
            key = authorization.getFirst().trim().substring(7).trim();
        } else {
            return Optional.empty();
        }
        if (key.isEmpty() || key.length() > MAX_LENGTH) {
            throw new DomainException(ErrorCategory.AUTHENTICATION, "Invalid API key");
        }
        return Optional.of(key);
    }

    /** The presented key for counting against its rate limit; empty when none or when ambiguous. */
    static Optional<String> forRateLimit(Headers headers) {
        try {
            return of(headers);
        } catch (DomainException e) {
            return Optional.empty();
        }
    }

    private static boolean bearerKey(String authorization) {
        String value = authorization.trim();
        return value.toLowerCase(Locale.ROOT).startsWith("bearer ")
                && ApiKeyFormat.looksLikeKey(value.substring(7).trim());
    }
}
