package com.abcdashboard.domain.auth;

import java.time.Instant;

/**
 * A session as its user (or an administrator) sees it in the list of sessions: where and when it was
 * opened, when its refresh token was last used, and the device it runs on.
 *
 * @param current whether it is the session of the caller's own access token
 * @param ipAddress nullable
 * @param userAgent nullable
 */
public record ActiveSession(
        String id,
        boolean current,
        Instant createdAt,
        Instant lastUsedAt,
        String ipAddress,
        String userAgent,
        String device) {

    static ActiveSession of(Session session, String callerSessionId, DeviceNames devices) {
        return new ActiveSession(
                session.id(),
                session.id().equals(callerSessionId),
                session.createdAt(),
                session.lastUsedAt(),
                session.ipAddress(),
                session.userAgent(),
                devices.of(session.userAgent()));
    }
}
