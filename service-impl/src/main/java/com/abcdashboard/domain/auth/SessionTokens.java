package com.abcdashboard.domain.auth;

/** What a client gets when a session opens or rotates. */
public record SessionTokens(String accessToken, String refreshToken, long expiresInSeconds, String sessionId) {
    @Override
    public String toString() {
        return "SessionTokens[session=" + sessionId + ", expiresIn=" + expiresInSeconds + "]";
    }
}
