package com.abcdashboard.http;

import com.abcdashboard.domain.apikey.ApiKeyCaller;
import com.abcdashboard.domain.apikey.ApiKeyScope;
import com.abcdashboard.domain.apikey.ApiKeys;
import com.abcdashboard.domain.user.User;
import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * The caller of an operation that API keys may call (the spec lists {@code apiKeyAuth} on it and names
 * the scope in {@code x-api-key-scope}): the key's creator when the request presents an API key that holds
 * the operation's scope, else the signed-in user ({@link RequestAuthenticator}). Every other operation
 * uses {@link RequestAuthenticator} alone, so a key is never a person's session.
 */
public final class ScopedAuthenticator {
    /** The MDC field (and JSON log field) naming the key of a request; never the key itself. */
    static final String MDC_KEY = "apiKeyPrefix";

    private final RequestAuthenticator sessions;
    private final ApiKeys keys;

    public ScopedAuthenticator(RequestAuthenticator sessions, ApiKeys keys) {
        this.sessions = sessions;
        this.keys = keys;
    }

    /** Who acts: 401 without a valid credential, 403 for a key without {@code scope}. */
    public User caller(ServerRequest request, ApiKeyScope scope) {
        Optional<ApiKeyCaller> known = request.context().get(ApiKeyCaller.class, ApiKeyCaller.class);
        if (known.isPresent()) {
            return known.get().creator();
        }
        Optional<String> key = ApiKeyCredential.of(request.headers());
        if (key.isEmpty()) {
            return sessions.require(request).user();
        }
        ApiKeyCaller caller = keys.authorize(key.get(), scope);
        request.context().register(ApiKeyCaller.class, caller);
        MDC.put(MDC_KEY, caller.key().prefix());
        return caller.creator();
    }
}
