package com.abcdashboard.testsupport;

import com.abcdashboard.domain.auth.PasswordHasher;
import com.abcdashboard.security.BcryptPasswordHasher;
import java.util.concurrent.atomic.AtomicInteger;

/** Real bcrypt (cost 4) that counts every password check, the dummy ones included. */
public final class CountingPasswordHasher implements PasswordHasher {
    private final PasswordHasher bcrypt = new BcryptPasswordHasher(4);
    private final AtomicInteger checks = new AtomicInteger();

    public int checks() {
        return checks.get();
    }

    @Override
    public String hash(String password) {
        return bcrypt.hash(password);
    }

    @Override
    public boolean matches(String password, String hash) {
        checks.incrementAndGet();
        return bcrypt.matches(password, hash);
    }

    @Override
    public boolean matchesNothing(String password) {
        checks.incrementAndGet();
        return bcrypt.matchesNothing(password);
    }
}
