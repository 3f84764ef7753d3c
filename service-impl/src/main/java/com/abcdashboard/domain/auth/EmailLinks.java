package com.abcdashboard.domain.auth;

import com.abcdashboard.domain.mail.EmailMessage;
import com.abcdashboard.domain.mail.MailOutbox;
import com.abcdashboard.domain.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Emails a single-use link (verification, password reset, set-password): earlier unused links of the
 * same purpose die, a new token is stored as a hash, and the mail carries {@code CLIENT_URL/<page>?token=…}.
 */
public final class EmailLinks {
    /** What a kind of link is: its token purpose, lifetime, dashboard page and email template. */
    public record Kind(OneTimeToken.Purpose purpose, Duration ttl, String page, EmailMessage.Template template) {}

    private final OneTimeTokenRepository oneTimeTokens;
    private final OpaqueTokens opaqueTokens;
    private final MailOutbox mail;
    private final AuthSettings settings;
    private final Clock clock;

    public EmailLinks(
            OneTimeTokenRepository oneTimeTokens,
            OpaqueTokens opaqueTokens,
            MailOutbox mail,
            AuthSettings settings,
            Clock clock) {
        this.oneTimeTokens = oneTimeTokens;
        this.opaqueTokens = opaqueTokens;
        this.mail = mail;
        this.settings = settings;
        this.clock = clock;
    }

    public Kind verification() {
        return new Kind(
                OneTimeToken.Purpose.EMAIL_VERIFICATION,
                settings.emailVerificationTtl(),
                "verify-email",
                EmailMessage.Template.VERIFY_EMAIL);
    }

    public Kind passwordReset() {
        return new Kind(
                OneTimeToken.Purpose.PASSWORD_RESET,
                settings.passwordResetTtl(),
                "reset-password",
                EmailMessage.Template.PASSWORD_RESET);
    }

    public Kind setPassword() {
        return new Kind(
                OneTimeToken.Purpose.SET_PASSWORD,
                settings.setPasswordTtl(),
                "reset-password",
                EmailMessage.Template.WELCOME_SET_PASSWORD);
    }

    public void send(User user, Kind kind) {
        String link = issue(user, kind);
        mail.enqueue(new EmailMessage(
                user.email(),
                kind.template(),
                Map.of(
                        "name", user.firstName(),
                        "link", link,
                        "expiresInHours", Long.toString(kind.ttl().toHours()),
                        "expiresInMinutes", Long.toString(kind.ttl().toMinutes()))));
    }

    /**
     * Creates the link without mailing it: earlier unused links of the kind die, the new token is stored
     * as a hash. {@link #send} mails it; the first-admin seed prints it (no mail server is needed then).
     *
     * @return {@code CLIENT_URL/<page>?token=…}, the only place the token appears in clear
     */
    public String issue(User user, Kind kind) {
        Instant now = clock.instant();
        oneTimeTokens.invalidateAll(user.id(), Set.of(kind.purpose()), now);
        String token = opaqueTokens.generate();
        oneTimeTokens.create(kind.purpose(), OpaqueTokens.hash(token), user.id(), now, now.plus(kind.ttl()));
        return settings.link(kind.page(), token);
    }

    /** Consumes a link's token once, if it is of one of these kinds and still valid. */
    public Optional<OneTimeToken> consume(String token, Kind... kinds) {
        Set<OneTimeToken.Purpose> purposes =
                Arrays.stream(kinds).map(Kind::purpose).collect(Collectors.toSet());
        return oneTimeTokens.consume(purposes, OpaqueTokens.hash(token), clock.instant());
    }
}
