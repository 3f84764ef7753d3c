package com.abcdashboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Credentials that must not authenticate, each as the request header that carries it: no token,
 * garbage, {@code alg: none}, other algorithms and keys, expired, wrong issuer or audience, an unknown or
 * revoked session, a tampered role, a NoSQL operator as the subject, tokens in the cookie. Several are
 * signed with the service's real secret, so only the one thing they get wrong can refuse them.
 */
record ForgedTokens(JsonNode genuineClaims, String secret, String issuer, String audience) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /**
     * @param genuineToken a valid access token: its claims (user, session) are the starting point
     * @param secret the service's JWT_SECRET
     */
    static ForgedTokens from(String genuineToken, String secret, String issuer, String audience) {
        try {
            JsonNode claims =
                    JSON.readTree(Base64.getUrlDecoder().decode(genuineToken.split("\\.")[1]));
            return new ForgedTokens(claims, secret, issuer, audience);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not a JWT: " + genuineToken, e);
        }
    }

    /** Label → header line. {@code revokedToken} was valid once; its session has been signed out. */
    Map<String, String> headers(String revokedToken) {
        long now = Instant.now().getEpochSecond();
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("none", null);
        // API keys: never issued, well-formed or not, in either header.
        forged.put("unknown API key", "X-API-Key: abc_aaaaaaaa_" + "A".repeat(43));
        forged.put("malformed API key", "X-API-Key: abc_not-a-key");
        forged.put("empty API key", "X-API-Key: ");
        forged.put("unknown API key as bearer", "Authorization: Bearer abc_aaaaaaaa_" + "A".repeat(43));
        forged.put("empty bearer", "Authorization: Bearer ");
        forged.put("bearer only", "Authorization: Bearer");
        forged.put("basic", "Authorization: Basic YWRtaW46YWRtaW4=");
        forged.put("garbage", "Authorization: Bearer not.a.jwt");
        forged.put("three dots", "Authorization: Bearer ...");
        forged.put("not base64", "Authorization: Bearer %%%.$$$.###");
        forged.put("9000 chars", "Authorization: Bearer " + "A".repeat(9_000));
        forged.put("unicode", "Authorization: Bearer \u00e9\u00e8.\u00e0.\u00fc");
        forged.put("alg none", "Authorization: Bearer " + unsigned(header("none"), claims(now)));
        forged.put("alg None", "Authorization: Bearer " + unsigned(header("None"), claims(now)));
        forged.put(
                "alg none, kid/jku",
                "Authorization: Bearer "
                        + unsigned(
                                "{\"alg\":\"none\",\"kid\":\"../../dev/null\",\"jku\":\"http://127.0.0.1:1/jwks\"}",
                                claims(now)));
        forged.put("HS512 real key", bearer("HS512", "HmacSHA512", secret, claims(now)));
        forged.put("HS384 real key", bearer("HS384", "HmacSHA384", secret, claims(now)));
        forged.put("RS256 header, HMAC", bearer("RS256", "HmacSHA256", secret, claims(now)));
        forged.put("wrong key", bearer("HS256", "HmacSHA256", "another-secret-of-at-least-32-bytes!!", claims(now)));
        forged.put(
                "expired",
                bearer("HS256", "HmacSHA256", secret, claims(now - 7_200).put("exp", now - 3_600)));
        forged.put("issued in the future", bearer("HS256", "HmacSHA256", secret, claims(now + 3_600)));
        forged.put(
                "not yet valid",
                bearer("HS256", "HmacSHA256", secret, claims(now).put("nbf", now + 3_600)));
        forged.put("no exp", bearer("HS256", "HmacSHA256", secret, without(claims(now), "exp")));
        forged.put(
                "wrong issuer",
                bearer("HS256", "HmacSHA256", secret, claims(now).put("iss", "evil")));
        forged.put(
                "wrong audience",
                bearer("HS256", "HmacSHA256", secret, claims(now).put("aud", "evil")));
        forged.put(
                "unknown session",
                bearer(
                        "HS256",
                        "HmacSHA256",
                        secret,
                        claims(now).put("sid", UUID.randomUUID().toString())));
        forged.put(
                "unknown user",
                bearer("HS256", "HmacSHA256", secret, claims(now).put("sub", "ffffffffffffffffffffffff")));
        forged.put("operator subject", bearer("HS256", "HmacSHA256", secret, operatorSubject(now)));
        forged.put("role tampered", tamperedRole(now));
        forged.put(
                "uppercase role",
                bearer("HS256", "HmacSHA256", secret, claims(now).put("role", "ADMIN")));
        forged.put(
                "empty signature",
                "Authorization: Bearer " + withoutSignature(bearerToken("HS256", "HmacSHA256", secret, claims(now))));
        forged.put("revoked session", "Authorization: Bearer " + revokedToken);
        forged.put("cookie alg none", "Cookie: accessToken=" + unsigned(header("none"), claims(now)));
        forged.put("cookie operator", "Cookie: accessToken={\"$ne\":null}");
        forged.put(
                "cookie expired",
                "Cookie: accessToken="
                        + bearerToken(
                                "HS256",
                                "HmacSHA256",
                                secret,
                                claims(now - 7_200).put("exp", now - 3_600)));
        return forged;
    }

    private ObjectNode claims(long issuedAt) {
        ObjectNode claims = genuineClaims.deepCopy();
        claims.put("iss", issuer);
        claims.put("aud", audience);
        claims.put("iat", issuedAt);
        claims.put("exp", issuedAt + 900);
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    private ObjectNode operatorSubject(long now) {
        ObjectNode claims = claims(now);
        claims.putObject("sub").putNull("$ne");
        return claims;
    }

    private static ObjectNode without(ObjectNode claims, String name) {
        claims.remove(name);
        return claims;
    }

    /** A genuine-looking token for one role whose payload then claims admin (the signature no longer fits). */
    private String tamperedRole(long now) {
        String[] parts = bearerToken("HS256", "HmacSHA256", secret, claims(now).put("role", "staff"))
                .split("\\.");
        String payload = encode(claims(now).put("role", "admin").toString());
        return "Authorization: Bearer " + parts[0] + "." + payload + "." + parts[2];
    }

    private static String header(String alg) {
        return "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}";
    }

    private static String unsigned(String header, ObjectNode claims) {
        return encode(header) + "." + encode(claims.toString()) + ".";
    }

    private static String withoutSignature(String token) {
        return token.substring(0, token.lastIndexOf('.') + 1);
    }

    private static String bearer(String alg, String macAlgorithm, String key, ObjectNode claims) {
        return "Authorization: Bearer " + bearerToken(alg, macAlgorithm, key, claims);
    }

    private static String bearerToken(String alg, String macAlgorithm, String key, ObjectNode claims) {
        String signingInput = encode(header(alg)) + "." + encode(claims.toString());
        try {
            Mac mac = Mac.getInstance(macAlgorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), macAlgorithm));
            return signingInput + "."
                    + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
