package com.abcdashboard.domain.apikey;

import com.abcdashboard.domain.user.User;

/** A request authenticated by an API key: the key, and its creator as they are now (who the key acts as). */
public record ApiKeyCaller(ApiKey key, User creator) {}
