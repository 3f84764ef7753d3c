package com.abcdashboard.security;

import com.abcdashboard.config.AppConfig;
import com.abcdashboard.domain.Sha256;
import com.abcdashboard.domain.auth.AccessTokens;
import com.abcdashboard.domain.user.Role;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * HS256 access tokens signed with {@code JWT_SECRET} (Nimbus JOSE+JWT).
 *
 * <p>Claims: {@code sub} (user id), {@code role} (lower-case), {@code sid} (session id), {@code jti}
 * (random UUID), {@code iat}, {@code exp}, {@code iss}, {@code aud}. Verification pins the algorithm before
 * anything else: a header whose {@code alg} is not exactly HS256 ({@code none}, HS384/HS512 with our
 * secret, RS256 with our secret as a "public key") is refused without computing a MAC. The MAC itself is
 * compared in constant time by Nimbus. Any malformed input yields {@link Optional#empty()}, never an
 * exception.
 */
public final class JwtAccessTokens implements AccessTokens {
    /** Allowed difference between our clock and the clock that issued (or will check) a token. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    /** Far above any token we issue (~400 bytes); bounds the work an attacker can make us do. */
    static final int MAX_TOKEN_LENGTH = 8 * 1024;

    /** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output. */
    static final int MIN_SECRET_BYTES = 32;

    static final String ROLE = "role";
    static final String SESSION_ID = "sid";

    /** Enough for every active client of an instance; about 0.5 KiB an entry. */
    static final int VERIFIED_CACHE_SIZE = 10_000;

    private static final JWSAlgorithm ALGORITHM = JWSAlgorithm.HS256;

    private final JWSSigner signer;
    private final JWSVerifier verifier;
    private final String issuer;
    private final String audience;
    private final Duration ttl;

    /**
     * Tokens already verified, by digest: parsing and checking a token costs more than the rest of an
     * authenticated request's own work, and a client sends the same token until it expires. Only valid
     * tokens are kept (an attacker's garbage cannot fill it), at most {@link #VERIFIED_CACHE_SIZE}, each
     * no longer than a token lives; expiry is still checked on every use, and revocation is the session's
     * job, checked by the caller on every request.
     */
    private final Cache<String, Signed> verified;

    /** Reads secret, issuer, audience and access-token lifetime ({@code JWT_EXPIRES_IN}). */
    public JwtAccessTokens(AppConfig.Jwt config) {
        this(config.secret(), config.issuer(), config.audience(), config.accessTokenTtl());
    }

    /**
     * @param secret the HMAC key, at least 32 bytes in UTF-8
     * @throws IllegalArgumentException when the secret is too short or the lifetime not positive
     */
    public JwtAccessTokens(String secret, String issuer, String audience, Duration ttl) {
        Objects.requireNonNull(secret, "secret");
        this.issuer = requireText(issuer, "issuer");
        this.audience = requireText(audience, "audience");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.toSeconds() < 1) {
            throw new IllegalArgumentException("access token lifetime must be at least one second, was " + ttl);
        }
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "JWT_SECRET must be at least " + MIN_SECRET_BYTES + " bytes for HS256, was " + key.length);
        }
        this.verified = Caffeine.newBuilder()
                .executor(Runnable::run)
                .maximumSize(VERIFIED_CACHE_SIZE)
                .expireAfterWrite(ttl.plus(CLOCK_SKEW))
                .build();
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("JWT_SECRET is not a usable HS256 key", e);
        }
    }

    @Override
    public Issued issue(String userId, Role role, String sessionId, Instant now) {
        Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(requireText(userId, "userId"))
                .claim(ROLE, Objects.requireNonNull(role, "role").id())
                .claim(SESSION_ID, requireText(sessionId, "sessionId"))
                .jwtID(UUID.randomUUID().toString())
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(ttl)))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(ALGORITHM).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            // The key was checked in the constructor; failing here means the JCA provider is broken.
            throw new IllegalStateException("could not sign an access token", e);
        }
        return new Issued(jwt.serialize(), ttl.toSeconds());
    }

    @Override
    public Optional<Claims> verify(String token, Instant now) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        String key = digest(token);
        Signed signed = verified.getIfPresent(key);
        if (signed == null) {
            signed = signedClaims(token).orElse(null);
            if (signed == null) {
                return Optional.empty();
            }
            verified.put(key, signed);
        }
        return signed.validAt(now);
    }

    /** Signature (algorithm pinned), issuer, audience and claim shapes: what never changes for a token. */
    private Optional<Signed> signedClaims(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!hasPinnedHeader(jwt.getHeader()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            return acceptedClaims(jwt.getJWTClaimsSet());
        } catch (ParseException | JOSEException | RuntimeException e) {
            // Hostile input reaches the parser and the JSON reader; whatever they throw, the token is
            // simply not valid. Nothing of it is logged: it may be someone else's credential.
            return Optional.empty();
        }
    }

    private static boolean hasPinnedHeader(JWSHeader header) {
        return ALGORITHM.equals(header.getAlgorithm())
                && (header.getType() == null || JOSEObjectType.JWT.equals(header.getType()));
    }

    private Optional<Signed> acceptedClaims(JWTClaimsSet claims) throws ParseException {
        if (!issuer.equals(claims.getIssuer()) || !List.of(audience).equals(claims.getAudience())) {
            return Optional.empty();
        }
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        if (exp == null || iat == null) {
            return Optional.empty();
        }
        Date nbf = claims.getNotBeforeTime();
        String userId = claims.getSubject();
        String sessionId = claims.getStringClaim(SESSION_ID);
        String tokenId = claims.getJWTID();
        String roleId = claims.getStringClaim(ROLE);
        Optional<Role> role = Role.parse(roleId).filter(r -> r.id().equals(roleId));
        if (isBlank(userId) || isBlank(sessionId) || isBlank(tokenId) || role.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Signed(
                new Claims(userId, role.get(), sessionId, tokenId, iat.toInstant(), exp.toInstant()),
                nbf == null ? null : nbf.toInstant()));
    }

    /** A token whose signature and claims were checked; only its time window is left to check per use. */
    private record Signed(Claims claims, Instant notBefore) {
        Optional<Claims> validAt(Instant now) {
            Instant latestAcceptableStart = now.plus(CLOCK_SKEW);
            if (!now.isBefore(claims.expiresAt().plus(CLOCK_SKEW))
                    || claims.issuedAt().isAfter(latestAcceptableStart)
                    || (notBefore != null && notBefore.isAfter(latestAcceptableStart))) {
                return Optional.empty();
            }
            return Optional.of(claims);
        }
    }

    /**
     * The cache key of a token: its SHA-256, so the cache never holds or compares the credential itself
     * (a lookup's equality check runs on digests, and timing it tells nothing about a valid token).
     */
    private static String digest(String token) {
        return Sha256.hex(token);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String requireText(String value, String name) {
        if (isBlank(value)) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    @Override
    public String toString() {
        return "JwtAccessTokens[alg=HS256, issuer=" + issuer + ", audience=" + audience + ", ttl=" + ttl + "]";
    }
}
