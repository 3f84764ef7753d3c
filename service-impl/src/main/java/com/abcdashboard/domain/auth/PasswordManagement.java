package com.abcdashboard.domain.auth;

import com.abcdashboard.domain.ClientInfo;
import com.abcdashboard.domain.FieldErrors;
import com.abcdashboard.domain.audit.AuditAction;
import com.abcdashboard.domain.audit.AuditEvent;
import com.abcdashboard.domain.audit.AuditLog;
import com.abcdashboard.domain.auth.LinkRequests.LinkRequest;
import com.abcdashboard.domain.mail.EmailMessage;
import com.abcdashboard.domain.mail.MailOutbox;
import com.abcdashboard.domain.user.AccountFields;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.domain.user.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Changing a known password, and resetting a forgotten one through an emailed single-use link. */
public final class PasswordManagement {
    private final UserRepository users;
    private final PasswordHasher passwords;
    private final SessionService sessions;
    private final EmailLinks links;
    private final MailOutbox mail;
    private final AuditLog audit;
    private final ResetThrottle resetThrottle;
    private final LinkRequests linkRequests;
    private final LoginLocks locks;
    private final Clock clock;

    public PasswordManagement(
            UserRepository users,
            PasswordHasher passwords,
            SessionService sessions,
            EmailLinks links,
            MailOutbox mail,
            AuditLog audit,
            ResetThrottle resetThrottle,
            LinkRequests linkRequests,
            LoginLocks locks,
            Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.links = links;
        this.mail = mail;
        this.audit = audit;
        this.resetThrottle = resetThrottle;
        this.linkRequests = linkRequests;
        this.locks = locks;
        this.clock = clock;
    }

    /** Needs the current password; keeps the caller's session and ends every other one. */
    public void change(Authenticated caller, String currentPassword, String newPassword, ClientInfo client) {
        FieldErrors errors = new FieldErrors();
        errors.required("currentPassword", currentPassword);
        PasswordPolicy.check("newPassword", newPassword, errors);
        if (newPassword != null && newPassword.equals(currentPassword)) {
            errors.add("newPassword", "must differ from the current password");
        }
        errors.throwIfAny();

        User user = caller.user();
        if (user.passwordHash() == null || !passwords.matches(currentPassword, user.passwordHash())) {
            new FieldErrors().add("currentPassword", "is incorrect").throwIfAny();
        }
        Instant now = clock.instant();
        users.changePassword(user.id(), passwords.hash(newPassword), now);
        locks.cleared(user.email()); // the record's lock ended with the change
        sessions.revokeOthers(user.id(), caller.sessionId(), "password-change");
        audit.record(AuditEvent.of(AuditAction.PASSWORD_CHANGED, now, user.id(), user.id(), client, Map.of()));
        mail.enqueue(new EmailMessage(
                user.email(), EmailMessage.Template.PASSWORD_CHANGED, Map.of("name", user.firstName())));
    }

    /**
     * Emails a reset link when an active account has this address; silent otherwise. The request is
     * stored and answered at once, the same way for every address; the link follows from the background.
     */
    public void forgot(String email) {
        FieldErrors errors = new FieldErrors();
        AccountFields.checkEmail("email", email, errors);
        errors.throwIfAny();
        // Counted whether or not an account exists, so the limit reveals nothing either.
        resetThrottle.check(AccountFields.normaliseEmail(email));
        // The same work for every address; the account lookup and the link happen in the background.
        linkRequests.submit(new LinkRequest(LinkRequest.Kind.PASSWORD_RESET, AccountFields.normaliseEmail(email)));
    }

    /**
     * Sets the password with a reset (or set-password) token, once. Every session of the user ends.
     * Receiving the link proves the mailbox, so the address counts as verified afterwards.
     */
    public void reset(String token, String newPassword, ClientInfo client) {
        FieldErrors errors = new FieldErrors();
        errors.required("token", token);
        PasswordPolicy.check("password", newPassword, errors);
        errors.throwIfAny();

        Instant now = clock.instant();
        OneTimeToken consumed = links.consume(token, links.passwordReset(), links.setPassword())
                .orElseThrow(() -> AuthFailures.invalidToken("token", "reset token"));
        User user = users.changePassword(consumed.userId(), passwords.hash(newPassword), now)
                .orElseThrow(() -> AuthFailures.invalidToken("token", "reset token"));
        locks.cleared(user.email()); // the record's lock ended with the reset
        if (!user.emailVerified()) {
            users.markEmailVerified(user.id(), now);
        }
        sessions.revokeOthers(user.id(), null, "password-reset");
        // Whoever held the emailed token acted: the account itself, as far as anyone can tell.
        audit.record(AuditEvent.of(
                AuditAction.PASSWORD_RESET,
                now,
                user.id(),
                user.id(),
                client,
                Map.of("via", consumed.purpose().name().toLowerCase(java.util.Locale.ROOT))));
    }
}
