package com.abcdashboard.observability;

import com.abcdashboard.domain.auth.PasswordHasher;

/**
 * Counts every password check of another {@link PasswordHasher} ({@code password_checks_total}): the
 * number an operator watches during a guessing attack, and the one the lockout tests count.
 */
public final class MeteredPasswordHasher implements PasswordHasher {
    private final PasswordHasher hasher;
    private final ServiceMetrics metrics;

    public MeteredPasswordHasher(PasswordHasher hasher, ServiceMetrics metrics) {
        this.hasher = hasher;
        this.metrics = metrics;
    }

    @Override
    public String hash(String password) {
        return hasher.hash(password);
    }

    @Override
    public boolean matches(String password, String hash) {
        metrics.passwordCheck(true);
        return hasher.matches(password, hash);
    }

    @Override
    public boolean matchesNothing(String password) {
        metrics.passwordCheck(false);
        return hasher.matchesNothing(password);
    }
}
