package com.abcdashboard.domain.auth;

/** One-way password hashing (bcrypt). Implementations compare in constant time. */
public interface PasswordHasher {

    String hash(String password);

    boolean matches(String password, String hash);

    /**
     * Spends the same time as {@link #matches} against a fixed dummy hash and returns false: used when
     * the account does not exist, so that unknown emails and wrong passwords take the same time.
     */
    boolean matchesNothing(String password);
}
