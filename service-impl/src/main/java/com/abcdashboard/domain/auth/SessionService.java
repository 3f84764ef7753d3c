package com.abcdashboard.domain.auth;

import com.abcdashboard.domain.ClientInfo;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.domain.user.UserRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions: opening one, rotating its refresh token (with reuse detection), closing it, and
 * authenticating an access token against the current state of its user and session.
 */
public final class SessionService {
    private static final Logger LOG = LoggerFactory.getLogger(SessionService.class);

    private final SessionRepository sessions;
    private final UserRepository users;
    private final AccessTokens accessTokens;
    private final OpaqueTokens opaqueTokens;
    private final AuthSettings settings;
    private final SuccessorSeal seal;
    private final NewDeviceNotice newDevices;
    private final Clock clock;

    public SessionService(
            SessionRepository sessions,
            UserRepository users,
            AccessTokens accessTokens,
            OpaqueTokens opaqueTokens,
            AuthSettings settings,
            Clock clock) {
        this(sessions, users, accessTokens, opaqueTokens, settings, NewDeviceNotice.off(), clock);
    }

    /** @param newDevices told of every session opened ({@code NOTIFY_NEW_DEVICE}) */
    public SessionService(
            SessionRepository sessions,
            UserRepository users,
            AccessTokens accessTokens,
            OpaqueTokens opaqueTokens,
            AuthSettings settings,
            NewDeviceNotice newDevices,
            Clock clock) {
        this.sessions = sessions;
        this.users = users;
        this.accessTokens = accessTokens;
        this.opaqueTokens = opaqueTokens;
        this.settings = settings;
        this.seal = new SuccessorSeal(new SecureRandom());
        this.newDevices = newDevices;
        this.clock = clock;
    }

    SessionTokens open(User user, ClientInfo client) {
        Instant now = clock.instant();
        String refreshToken = opaqueTokens.generate();
        Session session = sessions.create(
                user.id(),
                OpaqueTokens.hash(refreshToken),
                now,
                now.plus(settings.refreshTokenTtl()),
                client.userAgent(),
                client.ipAddress());
        newDevices.signedIn(user, session);
        AccessTokens.Issued access = accessTokens.issue(user.id(), user.role(), session.id(), now);
        return new SessionTokens(access.token(), refreshToken, access.expiresInSeconds(), session.id());
    }

    /**
     * Exchanges a refresh token for new tokens. The presented token dies. A token that was already
     * rotated is a replay — someone holds a stolen copy — so the whole session is revoked; except the
     * session's latest rotated token within {@code refreshReuseGrace} of its rotation, which answers the
     * successor already issued (two tabs, or a retry after a lost answer, refreshing with one token).
     */
    public SessionTokens refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 512) {
            throw AuthFailures.invalidSession();
        }
        Instant now = clock.instant();
        String presented = OpaqueTokens.hash(refreshToken);
        String next = opaqueTokens.generate();
        Optional<Session> rotated = sessions.rotate(
                presented,
                OpaqueTokens.hash(next),
                seal.seal(next, refreshToken),
                now,
                now.plus(settings.refreshTokenTtl()));
        if (rotated.isEmpty()) {
            Optional<SessionTokens> successor = successorWithinGrace(presented, refreshToken, now);
            if (successor.isPresent()) {
                return successor.get();
            }
            sessions.findByRotatedTokenHash(presented).ifPresent(stolen -> {
                LOG.warn("Refresh token reuse detected; revoking session {} of user {}", stolen.id(), stolen.userId());
                sessions.revoke(stolen.id(), now, "refresh-token-reuse");
            });
            throw AuthFailures.invalidSession();
        }
        return issue(rotated.get(), next, now);
    }

    /**
     * The tokens the latest rotation of {@code presented} issued, when that was at most the grace ago and
     * its successor is still the session's current token (a successor rotated in turn is not handed out).
     */
    private Optional<SessionTokens> successorWithinGrace(String presented, String refreshToken, Instant now) {
        return sessions.findLatestRotation(presented)
                .filter(latest -> !now.isAfter(latest.at().plus(settings.refreshReuseGrace())))
                .filter(latest -> latest.session().isUsableAt(now))
                .flatMap(latest -> seal.open(latest.sealedSuccessor(), refreshToken)
                        .filter(successor -> OpaqueTokens.hash(successor)
                                .equals(latest.session().currentTokenHash()))
                        .map(successor -> issue(latest.session(), successor, now)));
    }

    private SessionTokens issue(Session session, String refreshToken, Instant now) {
        User user = usableUser(session.userId()).orElseThrow(() -> {
            sessions.revoke(session.id(), now, "account-unusable");
            return AuthFailures.invalidSession();
        });
        AccessTokens.Issued access = accessTokens.issue(user.id(), user.role(), session.id(), now);
        return new SessionTokens(access.token(), refreshToken, access.expiresInSeconds(), session.id());
    }

    /**
     * Closes the session the refresh token belongs to, else the caller's current one. The refresh token
     * of another user's session is ignored rather than revoked.
     */
    public void logout(Optional<String> refreshToken, Optional<Authenticated> caller) {
        Instant now = clock.instant();
        Optional<Session> byToken = refreshToken
                .filter(t -> !t.isBlank() && t.length() <= 512)
                .flatMap(t -> sessions.findByCurrentTokenHash(OpaqueTokens.hash(t)))
                .filter(s -> s.isUsableAt(now))
                .filter(s -> caller.map(c -> c.userId().equals(s.userId())).orElse(true));
        if (byToken.isPresent()) {
            sessions.revoke(byToken.get().id(), now, "logout");
        } else if (caller.isPresent()) {
            sessions.revoke(caller.get().sessionId(), now, "logout");
        } else {
            throw AuthFailures.notSignedIn();
        }
    }

    /** The caller of a request carrying {@code accessToken}; 401 unless token, user and session are all good. */
    public Authenticated authenticate(String accessToken) {
        Instant now = clock.instant();
        AccessTokens.Claims claims = accessTokens.verify(accessToken, now).orElseThrow(AuthFailures::invalidSession);
        User user = usableUser(claims.userId()).orElseThrow(AuthFailures::invalidSession);
        sessions.findById(claims.sessionId())
                .filter(s -> s.isUsableAt(now) && s.userId().equals(user.id()))
                .orElseThrow(AuthFailures::invalidSession);
        return new Authenticated(user, claims.sessionId());
    }

    /** Ends every other session of the user (keepSessionId nullable: end all of them). */
    long revokeOthers(String userId, String keepSessionId, String reason) {
        return sessions.revokeAllForUser(userId, keepSessionId, clock.instant(), reason);
    }

    private Optional<User> usableUser(String userId) {
        return users.findById(userId).filter(u -> u.active() && u.emailVerified() && !u.isDeleted());
    }
}
