package com.abcdashboard.http;

import com.abcdashboard.domain.auth.SessionTokens;
import io.helidon.http.SetCookie;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The browser side of sessions: {@code accessToken} (sent to /api) and {@code refreshToken} (sent only
 * to the auth endpoints) cookies, HttpOnly, SameSite=Strict, Secure unless served over plain http in
 * development and tests.
 */
public final class AuthCookies {
    public static final String ACCESS = "accessToken";
    public static final String REFRESH = "refreshToken";
    private static final String ACCESS_PATH = "/api";
    private static final String REFRESH_PATH = "/api/v1/auth";

    private final boolean secure;
    private final Duration refreshTtl;

    public AuthCookies(boolean secure, Duration refreshTtl) {
        this.secure = secure;
        this.refreshTtl = refreshTtl;
    }

    void set(ServerResponse response, SessionTokens tokens) {
        response.headers()
                .addCookie(cookie(
                        ACCESS, tokens.accessToken(), ACCESS_PATH, Duration.ofSeconds(tokens.expiresInSeconds())));
        response.headers().addCookie(cookie(REFRESH, tokens.refreshToken(), REFRESH_PATH, refreshTtl));
    }

    /** Empty values with an Expires in the past: browsers drop them at once. */
    void clear(ServerResponse response) {
        response.headers().addCookie(expired(ACCESS, ACCESS_PATH));
        response.headers().addCookie(expired(REFRESH, REFRESH_PATH));
    }

    private SetCookie expired(String name, String path) {
        return SetCookie.builder(name, "")
                .path(path)
                .expires(Instant.EPOCH)
                .httpOnly(true)
                .secure(secure)
                .sameSite(SetCookie.SameSite.STRICT)
                .build();
    }

    static Optional<String> read(ServerRequest request, String name) {
        return request.headers().cookies().first(name).asOptional().filter(v -> !v.isBlank());
    }

    private SetCookie cookie(String name, String value, String path, Duration maxAge) {
        return SetCookie.builder(name, value)
                .path(path)
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(secure)
                .sameSite(SetCookie.SameSite.STRICT)
                .build();
    }
}
