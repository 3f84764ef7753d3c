package com.abcdashboard.http;

import com.abcdashboard.domain.ClientInfo;
import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
import com.abcdashboard.domain.apikey.ApiKeyCaller;
import com.abcdashboard.domain.auth.Authenticated;
import com.abcdashboard.domain.auth.SessionService;
import com.abcdashboard.domain.auth.TwoFactorRequirement;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the caller of a request: the bearer token of the Authorization header, else the
 * {@code accessToken} cookie, verified by {@link SessionService#authenticate}.
 *
 * <p>It is also where a caller who must enrol an authenticator app first ({@link TwoFactorRequirement})
 * is held back: {@link #require} refuses them with 403, so every operation is closed to them unless its
 * handler asks {@link #requireAllowingEnrolment} — the enrolment itself, the profile and status reads.
 */
public final class RequestAuthenticator {
    private static final int MAX_TOKEN_LENGTH = 8192;

    private final SessionService sessions;
    private final TwoFactorRequirement twoFactor;

    public RequestAuthenticator(SessionService sessions, TwoFactorRequirement twoFactor) {
        this.sessions = sessions;
        this.twoFactor = twoFactor;
    }

    /**
     * The caller, or a 401 when the request carries no valid access token, or a 403 while the caller
     * must enrol an authenticator app before anything else.
     */
    public Authenticated require(ServerRequest request) {
        Authenticated caller = requireAllowingEnrolment(request);
        if (twoFactor.mustEnrol(caller.user())) {
            throw new DomainException(
                    ErrorCategory.AUTHORIZATION,
                    "Two-factor sign-in must be set up first: POST /api/v1/auth/mfa/totp/enroll, then /confirm");
        }
        return caller;
    }

    /** The caller, or a 401 — also a caller who still has to enrol (for the enrolment and the profile read). */
    public Authenticated requireAllowingEnrolment(ServerRequest request) {
        // Kept on the request: a handler that authenticates before parsing (list operations) and the
        // operation itself verify the token once.
        Optional<Authenticated> known = request.context().get(Authenticated.class, Authenticated.class);
        if (known.isPresent()) {
            return known.get();
        }
        String token = accessToken(request)
                .orElseThrow(() -> new DomainException(ErrorCategory.AUTHENTICATION, "Authentication required"));
        Authenticated caller = sessions.authenticate(token);
        request.context().register(Authenticated.class, caller);
        return caller;
    }

    /** The caller if the request carries a valid access token; empty otherwise (never throws for a bad token). */
    public Optional<Authenticated> optional(ServerRequest request) {
        try {
            return accessToken(request).map(sessions::authenticate);
        } catch (DomainException e) {
            return Optional.empty();
        }
    }

    static Optional<String> accessToken(ServerRequest request) {
        if (request.headers().all(HeaderNames.AUTHORIZATION, List::of).size() > 1) {
            // A singleton field (RFC 9110): two credentials are ambiguous, so neither counts (→ 401).
            return Optional.empty();
        }
        Optional<String> header = request.headers().first(HeaderNames.AUTHORIZATION);
        if (header.isPresent()) {
            String value = header.get().trim();
            if (!value.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
                return Optional.empty();
            }
            return Optional.of(value.substring(7).trim()).filter(t -> !t.isEmpty() && t.length() <= MAX_TOKEN_LENGTH);
        }
        return AuthCookies.read(request, AuthCookies.ACCESS).filter(t -> t.length() <= MAX_TOKEN_LENGTH);
    }

    /** The client of a request: peer address, user agent (truncated) and correlation id. */
    public static ClientInfo client(ServerRequest request) {
        // Behind trusted proxies, the address the rate-limit filter resolved from X-Forwarded-For.
        String ip = ClientAddress.known(request);
        String userAgent = request.headers()
                .first(HeaderNames.USER_AGENT)
                .map(ua -> ua.length() > 256 ? ua.substring(0, 256) : ua)
                .orElse(null);
        // Requests made with an API key name it in what they record (audit entries).
        ClientInfo.ApiKeyRef apiKey = request.context()
                .get(ApiKeyCaller.class, ApiKeyCaller.class)
                .map(c -> new ClientInfo.ApiKeyRef(c.key().id(), c.key().prefix()))
                .orElse(null);
        return new ClientInfo(ip, userAgent, CorrelationId.of(request), apiKey);
    }
}
