package com.abcdashboard.domain.apikey;

import java.time.Instant;
import java.util.List;

/**
 * A request for a key, as sent: {@code scopes} as a list so that a repeated scope can be refused.
 *
 * @param expiresAt null: the key does not expire
 */
public record NewApiKey(String name, List<ApiKeyScope> scopes, Instant expiresAt) {}
