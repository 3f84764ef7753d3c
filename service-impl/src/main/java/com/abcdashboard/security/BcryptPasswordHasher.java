package com.abcdashboard.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;
import com.abcdashboard.config.AppConfig;
import com.abcdashboard.domain.auth.PasswordHasher;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * bcrypt ({@code $2b$}, cost from {@code BCRYPT_ROUNDS}) through {@code at.favre.lib:bcrypt}.
 *
 * <p><b>Long passwords.</b> bcrypt keys its cipher with at most 72 bytes; plain bcrypt would make two
 * passwords that share their first 72 bytes interchangeable. Passwords here may be 128 characters, up to
 * 512 bytes in UTF-8. A password longer than 72 bytes is therefore first reduced with SHA-512 (the
 * library's {@code hashSha512} strategy, 64 bytes out), on hashing and on verifying alike, so every one
 * of its bytes counts. Passwords of up to 72 bytes go into bcrypt unchanged, which keeps the stored hashes
 * interchangeable with any standard bcrypt (e.g. the old Node service's {@code bcryptjs} {@code $2a$}
 * hashes verify here as they are).
 *
 * <p>Verification reads version, cost and salt from the stored hash and compares in constant time.
 * Neither passwords nor hashes are ever logged or shown by {@link #toString()}.
 */
public final class BcryptPasswordHasher implements PasswordHasher {
    private static final Logger LOG = LoggerFactory.getLogger(BcryptPasswordHasher.class);

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;
    private static final LongPasswordStrategy LONG_PASSWORDS = LongPasswordStrategies.hashSha512(VERSION);

    private final int cost;
    private final BCrypt.Hasher hasher;
    private final BCrypt.Verifyer verifyer;
    private final String dummyHash;

    /** Cost from {@code BCRYPT_ROUNDS}. */
    public BcryptPasswordHasher(AppConfig.Security config) {
        this(config.bcryptRounds());
    }

    /**
     * Computes one hash of a random password at this cost, for {@link #matchesNothing}: expect this to
     * take one hash's time (~0.2-0.3 s at cost 12).
     *
     * @param cost log2 of the rounds, 4..31
     */
    public BcryptPasswordHasher(int cost) {
        if (cost < BCrypt.MIN_COST || cost > BCrypt.MAX_COST) {
            throw new IllegalArgumentException(
                    "BCRYPT_ROUNDS must be between " + BCrypt.MIN_COST + " and " + BCrypt.MAX_COST + ", was " + cost);
        }
        SecureRandom random = new SecureRandom();
        this.cost = cost;
        this.hasher = BCrypt.with(VERSION, random, LONG_PASSWORDS);
        // No version: the one in the stored hash is used ($2a$, $2b$, $2y$), with our long-password rule.
        this.verifyer = BCrypt.verifyer(null, LONG_PASSWORDS);
        byte[] unguessable = new byte[32];
        random.nextBytes(unguessable);
        this.dummyHash = hash(Base64.getEncoder().encodeToString(unguessable));
    }

    @Override
    public String hash(String password) {
        Objects.requireNonNull(password, "password");
        return hasher.hashToString(cost, password.toCharArray());
    }

    @Override
    public boolean matches(String password, String hash) {
        Objects.requireNonNull(password, "password");
        if (hash == null || hash.isEmpty()) {
            matchesNothing(password);
            return false;
        }
        BCrypt.Result result;
        try {
            result = verifyer.verify(password.toCharArray(), hash);
        } catch (IllegalArgumentException e) {
            // The library reports some malformed hashes (bad radix-64, cost out of range) by throwing.
            return unusableHash(password);
        }
        return result.validFormat ? result.verified : unusableHash(password);
    }

    /** A corrupt stored hash locks its owner out: worth an alert, but never the hash itself in a log. */
    private boolean unusableHash(String password) {
        LOG.warn("A stored password hash is not a valid bcrypt hash; the password cannot match");
        return matchesNothing(password);
    }

    @Override
    public boolean matchesNothing(String password) {
        Objects.requireNonNull(password, "password");
        verifyer.verify(password.toCharArray(), dummyHash);
        return false;
    }

    /** The configured cost (log2 of the rounds) new hashes get. */
    public int cost() {
        return cost;
    }

    @Override
    public String toString() {
        return "BcryptPasswordHasher[version=2b, cost=" + cost + "]";
    }
}
