package com.abcdashboard.domain.user;

import java.util.Map;

/** Counts over every non-deleted user; {@code recent} = created in the last 7 days. */
public record UserStats(
        long total, long active, long inactive, Map<Role, Long> byRole, long recent, long verified, long unverified) {
    public UserStats {
        byRole = Map.copyOf(byRole);
    }

    public long withRole(Role role) {
        return byRole.getOrDefault(role, 0L);
    }
}
