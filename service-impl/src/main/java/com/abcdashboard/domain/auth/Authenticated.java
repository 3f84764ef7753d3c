package com.abcdashboard.domain.auth;

import com.abcdashboard.domain.user.User;

/** The caller of a request, after its access token was verified against the user and session state. */
public record Authenticated(User user, String sessionId) {
    public String userId() {
        return user.id();
    }
}
