package com.abcdashboard.domain.auth;

import java.net.URI;
import java.time.Duration;

/**
 * The rules of sign-in and of the emailed links.
 *
 * @param clientUrl the dashboard's origin; emailed links point at its pages
 * @param refreshReuseGrace how long a rotated refresh token still returns its successor (not reuse)
 */
public record AuthSettings(
        Duration refreshTokenTtl,
        Duration emailVerificationTtl,
        Duration passwordResetTtl,
        Duration setPasswordTtl,
        int maxFailedLogins,
        Duration lockoutDuration,
        URI clientUrl,
        Duration refreshReuseGrace) {

    /** {@code CLIENT_URL/<page>?token=<token>}. */
    public String link(String page, String token) {
        String base = clientUrl.toString().replaceAll("/+$", "");
        return base + "/" + page + "?token=" + token;
    }
}
