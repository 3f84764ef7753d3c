package com.abcdashboard.client.sdk;

/**
 * Where the client gets the access token it sends as {@code Authorization: Bearer …}: read before every
 * request, so a token obtained or refreshed after the APIs were created is used at once.
 */
public interface TokenSource {
    /** The current access token; null or blank sends no Authorization header. */
    String accessToken();

    /**
     * Called once after a request was answered 401: obtain a new access token (e.g. with
     * {@code AuthApi.refreshTokens} and the refresh token) and answer true to retry the request once
     * with it; false gives up, and the 401 is thrown as an {@link ApiError}.
     */
    default boolean refresh() {
        return false;
    }

    /** A fixed token, never refreshed. */
    static TokenSource of(String accessToken) {
        return () -> accessToken;
    }
}
