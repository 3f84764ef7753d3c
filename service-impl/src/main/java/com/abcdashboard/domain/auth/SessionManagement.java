package com.abcdashboard.domain.auth;

import com.abcdashboard.domain.ClientInfo;
import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
import com.abcdashboard.domain.audit.AuditAction;
import com.abcdashboard.domain.audit.AuditEvent;
import com.abcdashboard.domain.audit.AuditLog;
import com.abcdashboard.domain.user.AccessPolicy;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.domain.user.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Sessions and devices: a user's active sessions, and ending them — one of one's own, all one's others,
 * or (for whoever manages the user, per {@link AccessPolicy}) all of another user's. An ended session is
 * revoked in the session store, which every request's {@link SessionService#authenticate} and every
 * refresh consult, so its refresh and access tokens stop working on the next request on every instance.
 */
public final class SessionManagement {
    static final String REVOKED_BY_USER = "revoked-by-user";
    static final String REVOKED_BY_ADMIN = "revoked-by-admin";

    private final SessionRepository sessions;
    private final UserRepository users;
    private final DeviceNames devices;
    private final AccessPolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    public SessionManagement(
            SessionRepository sessions,
            UserRepository users,
            DeviceNames devices,
            AccessPolicy policy,
            AuditLog audit,
            Clock clock) {
        this.sessions = sessions;
        this.users = users;
        this.devices = devices;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** The caller's active sessions, newest first; theirs is marked current. */
    public List<ActiveSession> mine(Authenticated caller) {
        return active(caller.userId(), caller.sessionId());
    }

    /** Ends one active session of the caller (the current one included); any other id is not found. */
    public void endMine(Authenticated caller, String sessionId, ClientInfo client) {
        Instant now = clock.instant();
        Session session = sessions.findById(sessionId)
                .filter(s -> s.userId().equals(caller.userId()) && s.isUsableAt(now))
                .orElseThrow(() -> new DomainException(ErrorCategory.NOT_FOUND, "Session not found"));
        sessions.revoke(session.id(), now, REVOKED_BY_USER);
        record(
                AuditAction.SESSION_REVOKED,
                now,
                caller.user(),
                caller.user(),
                client,
                Map.of("sessionId", session.id()));
    }

    /** Ends every active session of the caller but the current one; how many ended. */
    public long endMyOthers(Authenticated caller, ClientInfo client) {
        Instant now = clock.instant();
        long ended = sessions.revokeAllForUser(caller.userId(), caller.sessionId(), now, REVOKED_BY_USER);
        record(
                AuditAction.SESSIONS_REVOKED,
                now,
                caller.user(),
                caller.user(),
                client,
                Map.of("scope", "others", "count", Long.toString(ended)));
        return ended;
    }

    /** Another user's active sessions, for whoever manages them; recorded, since it shows where they are. */
    public List<ActiveSession> ofUser(Authenticated caller, String userId, ClientInfo client) {
        User target = managedUser(caller, userId);
        List<ActiveSession> active = active(target.id(), caller.sessionId());
        record(
                AuditAction.SESSIONS_VIEWED,
                clock.instant(),
                caller.user(),
                target,
                client,
                Map.of("count", Integer.toString(active.size())));
        return active;
    }

    /** Ends every active session of another user (the caller's own current one is kept); how many ended. */
    public long endAllOfUser(Authenticated caller, String userId, ClientInfo client) {
        User target = managedUser(caller, userId);
        Instant now = clock.instant();
        long ended = sessions.revokeAllForUser(target.id(), caller.sessionId(), now, REVOKED_BY_ADMIN);
        record(
                AuditAction.SESSIONS_REVOKED,
                now,
                caller.user(),
                target,
                client,
                Map.of("scope", "all", "count", Long.toString(ended)));
        return ended;
    }

    private List<ActiveSession> active(String userId, String callerSessionId) {
        return sessions.activeOfUser(userId, clock.instant()).stream()
                .map(s -> ActiveSession.of(s, callerSessionId, devices))
                .toList();
    }

    /** The permission first (403 before the lookup, as for every user operation), then the target. */
    private User managedUser(Authenticated caller, String userId) {
        policy.requireCanManageUsers(caller.user());
        User target = users.findById(userId)
                .orElseThrow(() -> new DomainException(ErrorCategory.NOT_FOUND, "User not found"));
        policy.requireCanManageSessionsOf(caller.user(), target);
        return target;
    }

    private void record(
            AuditAction action, Instant at, User actor, User target, ClientInfo client, Map<String, String> details) {
        audit.record(AuditEvent.of(action, at, actor.id(), target.id(), client, details));
    }
}
