package com.abcdashboard.domain.auth;

import com.abcdashboard.domain.auth.LinkRequests.LinkRequest;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.domain.user.UserRepository;
import java.util.Optional;

/**
 * Fulfils a {@link LinkRequest} in the background: mails the link when an account fits the request — an
 * active one for a password reset, an active unverified one for a verification — and does nothing
 * otherwise.
 */
public final class AccountLinkRequests {
    private final UserRepository users;
    private final EmailLinks links;

    public AccountLinkRequests(UserRepository users, EmailLinks links) {
        this.users = users;
        this.links = links;
    }

    public void fulfil(LinkRequest request) {
        Optional<User> account = users.findByEmail(request.normalisedEmail()).filter(User::active);
        switch (request.kind()) {
            case PASSWORD_RESET -> account.ifPresent(user -> links.send(user, links.passwordReset()));
            case EMAIL_VERIFICATION ->
                account.filter(user -> !user.emailVerified()).ifPresent(user -> links.send(user, links.verification()));
        }
    }
}
