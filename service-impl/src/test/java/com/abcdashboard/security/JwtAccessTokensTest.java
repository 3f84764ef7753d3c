package com.abcdashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.abcdashboard.domain.auth.AccessTokens;
import com.abcdashboard.domain.user.Role;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwtAccessTokensTest {
    private static final String SECRET = "test-only-jwt-secret-long-enough-for-hs512-0123456789abcdef0123456789";
    private static final String ISSUER = "abc-dashboard-api";
    private static final String AUDIENCE = "abc-dashboard";
    private static final Duration TTL = Duration.ofMinutes(15);
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final JwtAccessTokens tokens = new JwtAccessTokens(SECRET, ISSUER, AUDIENCE, TTL);

    private String issueAt(Instant at) {
        return tokens.issue("user-1", Role.MANAGER, "session-1", at).token();
    }

    // --- issue and verify ---

    @Test
    void anIssuedTokenVerifiesWithEveryClaim() {
        AccessTokens.Issued issued = tokens.issue("user-1", Role.MANAGER, "session-1", NOW);

        AccessTokens.Claims claims = tokens.verify(issued.token(), NOW).orElseThrow();

        assertThat(issued.expiresInSeconds()).isEqualTo(TTL.toSeconds());
        assertThat(claims.userId()).isEqualTo("user-1");
        assertThat(claims.role()).isEqualTo(Role.MANAGER);
        assertThat(claims.sessionId()).isEqualTo("session-1");
        assertThat(UUID.fromString(claims.tokenId())).isNotNull();
        assertThat(claims.issuedAt()).isEqualTo(NOW);
        assertThat(claims.expiresAt()).isEqualTo(NOW.plus(TTL));
    }

    @Test
    void theTokenCarriesTheStandardClaimsAndALowerCaseRole() throws Exception {
        String token = issueAt(NOW.plusMillis(999));

        Map<String, Object> header = decode(token.split("\\.")[0]);
        Map<String, Object> payload = decode(token.split("\\.")[1]);

        assertThat(header).containsEntry("alg", "HS256").containsEntry("typ", "JWT");
        assertThat(payload)
                .containsEntry("sub", "user-1")
                .containsEntry("role", "manager")
                .containsEntry("sid", "session-1")
                .containsEntry("iss", ISSUER)
                .containsEntry("aud", AUDIENCE)
                .containsEntry("iat", NOW.getEpochSecond())
                .containsEntry("exp", NOW.plus(TTL).getEpochSecond())
                .containsKey("jti");
    }

    @Test
    void everyTokenGetsItsOwnId() {
        String first = tokens.verify(issueAt(NOW), NOW).orElseThrow().tokenId();
        String second = tokens.verify(issueAt(NOW), NOW).orElseThrow().tokenId();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void theIssuedTokenSaysNothingWhenPrinted() {
        AccessTokens.Issued issued = tokens.issue("user-1", Role.STAFF, "session-1", NOW);

        assertThat(issued.toString()).doesNotContain(issued.token());
        assertThat(tokens.toString()).doesNotContain(SECRET);
    }

    // --- forged and foreign tokens ---

    @Test
    void aHandMadeHs256TokenWithOurSecretIsAccepted() throws Exception {
        // The control for the forgeries below: the helper makes tokens we accept when nothing is wrong.
        String token = hmacToken("HS256", "HmacSHA256", SECRET, validPayload());

        assertThat(tokens.verify(token, NOW)).isPresent();
    }

    @Test
    void aTamperedPayloadIsRejected() throws Exception {
        String[] parts = issueAt(NOW).split("\\.");
        Map<String, Object> payload = decode(parts[1]);
        payload.put("role", "admin");

        String tampered = parts[0] + "." + encode(payload) + "." + parts[2];

        assertThat(tokens.verify(tampered, NOW)).isEmpty();
    }

    @Test
    void aTamperedSignatureIsRejected() {
        String[] parts = issueAt(NOW).split("\\.");
        char[] signature = parts[2].toCharArray();
        signature[5] = signature[5] == 'A' ? 'B' : 'A';

        String tampered = parts[0] + "." + parts[1] + "." + new String(signature);

        assertThat(tokens.verify(tampered, NOW)).isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRejected() {
        JwtAccessTokens foreign = new JwtAccessTokens("another-secret-of-at-least-32-bytes-42", ISSUER, AUDIENCE, TTL);

        String token = foreign.issue("user-1", Role.ADMIN, "session-1", NOW).token();

        assertThat(tokens.verify(token, NOW)).isEmpty();
    }

    @Test
    void anUnsignedAlgNoneTokenIsRejected() throws Exception {
        String header = encode(Map.of("alg", "none", "typ", "JWT"));

        String token = header + "." + encode(validPayload()) + ".";

        assertThat(tokens.verify(token, NOW)).isEmpty();
    }

    @Test
    void anAlgNoneTokenCarryingOurValidSignatureIsRejected() throws Exception {
        String header = encode(Map.of("alg", "none", "typ", "JWT"));
        String payload = encode(validPayload());

        String token = header + "." + payload + "." + mac("HmacSHA256", SECRET, header + "." + payload);

        assertThat(tokens.verify(token, NOW)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS384", "HS512"})
    void anotherHmacAlgorithmIsRejectedEvenWithOurSecret(String alg) throws Exception {
        String jca = alg.equals("HS384") ? "HmacSHA384" : "HmacSHA512";

        String token = hmacToken(alg, jca, SECRET, validPayload());

        assertThat(tokens.verify(token, NOW)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256", "hs256", "HS256 ", ""})
    void aHeaderNamingAnythingButExactlyHs256IsRejected(String alg) throws Exception {
        // Signed with HMAC-SHA256 and our secret: only the header's alg differs from a valid token.
        String token = hmacToken(alg, "HmacSHA256", SECRET, validPayload());

        assertThat(tokens.verify(token, NOW)).isEmpty();
    }

    @Test
    void aTokenOfAnotherIssuerIsRejected() {
        JwtAccessTokens otherIssuer = new JwtAccessTokens(SECRET, "someone-else", AUDIENCE, TTL);

        String token = otherIssuer.issue("user-1", Role.STAFF, "session-1", NOW).token();

        assertThat(tokens.verify(token, NOW)).isEmpty();
    }

    @Test
    void aTokenForAnotherAudienceIsRejected() {
        JwtAccessTokens otherAudience = new JwtAccessTokens(SECRET, ISSUER, "another-app", TTL);

        String token =
                otherAudience.issue("user-1", Role.STAFF, "session-1", NOW).token();

        assertThat(tokens.verify(token, NOW)).isEmpty();
    }

    @Test
    void aTokenForSeveralAudiencesIsRejected() throws Exception {
        Map<String, Object> payload = validPayload();
        payload.put("aud", List.of(AUDIENCE, "another-app"));

        String token = hmacToken("HS256", "HmacSHA256", SECRET, payload);

        assertThat(tokens.verify(token, NOW)).isEmpty();
    }

    // --- time ---

    @Test
    void aTokenExpiredWithinTheClockSkewIsStillAccepted() {
        String token = issueAt(NOW);

        assertThat(tokens.verify(token, NOW.plus(TTL).plusSeconds(29))).isPresent();
    }

    @Test
    void aTokenExpiredBeyondTheClockSkewIsRejected() {
        String token = issueAt(NOW);

        assertThat(tokens.verify(token, NOW.plus(TTL).plus(JwtAccessTokens.CLOCK_SKEW)))
                .isEmpty();
    }

    @Test
    void aTokenAlreadyVerifiedIsStillRefusedOnceItHasExpired() {
        String token = issueAt(NOW);
        assertThat(tokens.verify(token, NOW)).isPresent();

        assertThat(tokens.verify(token, NOW.plus(TTL).plus(JwtAccessTokens.CLOCK_SKEW)))
                .isEmpty();
        assertThat(tokens.verify(token, NOW.plusSeconds(60))).isPresent();
    }

    @Test
    void aTokenAlreadyVerifiedIsRefusedWhenUsedBeforeItWasIssued() {
        String token = issueAt(NOW);
        assertThat(tokens.verify(token, NOW)).isPresent();

        assertThat(tokens.verify(token, NOW.minusSeconds(31))).isEmpty();
    }

    @Test
    void aTamperedCopyOfAnAlreadyVerifiedTokenIsRejected() throws Exception {
        String token = issueAt(NOW);
        assertThat(tokens.verify(token, NOW)).isPresent();
        String[] parts = token.split("\\.");
        Map<String, Object> payload = decode(parts[1]);
        payload.put("role", "admin");

        assertThat(tokens.verify(parts[0] + "." + encode(payload) + "." + parts[2], NOW))
                .isEmpty();
        assertThat(tokens.verify(token, NOW))
                .get()
                .extracting(AccessTokens.Claims::role)
                .isEqualTo(Role.MANAGER);
    }

    @Test
    void aTokenIssuedSlightlyInTheFutureIsAccepted() {
        String token = issueAt(NOW.plusSeconds(29));

        assertThat(tokens.verify(token, NOW)).isPresent();
    }

    @Test
    void aTokenIssuedInTheFutureBeyondTheClockSkewIsRejected() {
        String token = issueAt(NOW.plusSeconds(31));

        assertThat(tokens.verify(token, NOW)).isEmpty();
    }

    @Test
    void aTokenNotValidBeforeAFutureTimeBeyondTheClockSkewIsRejected() throws Exception {
        Map<String, Object> payload = validPayload();
        payload.put("nbf", NOW.plusSeconds(31).getEpochSecond());

        String token = hmacToken("HS256", "HmacSHA256", SECRET, payload);

        assertThat(tokens.verify(token, NOW)).isEmpty();
    }

    // --- claims ---

    @ParameterizedTest
    @ValueSource(strings = {"sub", "role", "sid", "jti", "iat", "exp", "iss", "aud"})
    void aTokenWithoutARequiredClaimIsRejected(String claim) throws Exception {
        Map<String, Object> payload = validPayload();
        payload.remove(claim);

        String token = hmacToken("HS256", "HmacSHA256", SECRET, payload);

        assertThat(tokens.verify(token, NOW)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"superuser", "ADMIN", " admin", ""})
    void aTokenWithAnUnknownRoleIsRejected(String role) throws Exception {
        Map<String, Object> payload = validPayload();
        payload.put("role", role);

        String token = hmacToken("HS256", "HmacSHA256", SECRET, payload);

        assertThat(tokens.verify(token, NOW)).isEmpty();
    }

    @Test
    void aTokenWhoseClaimsHaveTheWrongTypesIsRejected() throws Exception {
        Map<String, Object> payload = validPayload();
        payload.put("sid", 42);
        payload.put("exp", "tomorrow");

        String token = hmacToken("HS256", "HmacSHA256", SECRET, payload);

        assertThat(tokens.verify(token, NOW)).isEmpty();
    }

    // --- garbage ---

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "garbage",
                "a.b",
                "a.b.c",
                "a.b.c.d",
                "...",
                "..",
                "!!!.@@@.###",
                "eyJhbGciOiJIUzI1NiJ9",
                "eyJhbGciOiJIUzI1NiJ9..",
                "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln",
                "bm90IGpzb24.bm90IGpzb24.c2ln",
                "W10.W10.c2ln",
                "eyJhbGciOiJIUzI1NiJ9.W10.c2ln",
                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.%%%",
                "Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2ln"
            })
    void garbageIsRejectedWithoutAnException(String garbage) {
        assertThat(tokens.verify(garbage, NOW)).isEmpty();
    }

    @Test
    void nullIsRejectedWithoutAnException() {
        assertThat(tokens.verify(null, NOW)).isEmpty();
    }

    @Test
    void aValidlySignedTokenLargerThan8KbIsRejected() throws Exception {
        Map<String, Object> payload = validPayload();
        payload.put("padding", "x".repeat(JwtAccessTokens.MAX_TOKEN_LENGTH));

        String token = hmacToken("HS256", "HmacSHA256", SECRET, payload);

        assertThat(tokens.verify(token, NOW)).isEmpty();
    }

    // --- configuration ---

    @Test
    void aSecretShorterThan32BytesIsRefusedAtConstruction() {
        assertThatThrownBy(() -> new JwtAccessTokens("only-31-bytes-long-secret-12345", ISSUER, AUDIENCE, TTL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JWT_SECRET")
                .hasMessageNotContaining("only-31");
    }

    // --- helpers that forge tokens by hand, independent of the code under test ---

    private static Map<String, Object> validPayload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("sub", "user-1");
        payload.put("role", "staff");
        payload.put("sid", "session-1");
        payload.put("jti", UUID.randomUUID().toString());
        payload.put("iss", ISSUER);
        payload.put("aud", AUDIENCE);
        payload.put("iat", NOW.getEpochSecond());
        payload.put("exp", NOW.plus(TTL).getEpochSecond());
        return payload;
    }

    private static String hmacToken(String alg, String jcaAlgorithm, String secret, Map<String, Object> payload)
            throws GeneralSecurityException {
        String signingInput = encode(Map.of("alg", alg, "typ", "JWT")) + "." + encode(payload);
        return signingInput + "." + mac(jcaAlgorithm, secret, signingInput);
    }

    private static String mac(String jcaAlgorithm, String secret, String signingInput) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(jcaAlgorithm);
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), jcaAlgorithm));
        return base64Url(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String encode(Map<String, Object> json) {
        return base64Url(JSONObjectUtils.toJSONString(json).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> decode(String part) throws ParseException {
        return new LinkedHashMap<>(
                JSONObjectUtils.parse(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8)));
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
