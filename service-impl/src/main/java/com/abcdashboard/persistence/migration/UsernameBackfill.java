package com.abcdashboard.persistence.migration;

import com.abcdashboard.persistence.MongoUserRepository;
import com.mongodb.client.MongoDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every user has a username: accounts created before that rule (self-registrations and admin-created
 * users without one, the seeded first admin) get one generated from their display name or email address.
 */
public final class UsernameBackfill implements Migration {
    private static final Logger LOG = LoggerFactory.getLogger(UsernameBackfill.class);

    @Override
    public String id() {
        return "0001-username-backfill";
    }

    @Override
    public String description() {
        return "give every user without a username a generated one";
    }

    @Override
    public void apply(MongoDatabase database) {
        int given = new MongoUserRepository(database).backfillUsernames();
        LOG.info("Usernames generated for {} existing users", given);
    }
}
