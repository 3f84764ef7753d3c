package com.abcdashboard.e2e;

import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every kind of forged or stale access token gets the same 401. */
@ExtendWith(RunningService.class)
class AccessTokenE2ETest {
    /** The secret of env/test.env: a test may forge tokens exactly as an attacker who knew it could. */
    private static final String TEST_SECRET = "test-only-jwt-secret-0123456789abcdef0123";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private static JsonNode part(String token, int index) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[index]));
    }

    private static String encode(JsonNode node) throws Exception {
        return B64.encodeToString(JSON.writeValueAsBytes(node));
    }

    private static String sign(String headerAndPayload, String algorithm, String secret) throws Exception {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
        return B64.encodeToString(mac.doFinal(headerAndPayload.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The real token with its payload changed and re-signed with {@code secret}. */
    private static String resigned(String token, String claim, String value, String secret) throws Exception {
        ObjectNode payload = (ObjectNode) part(token, 1);
        payload.put(claim, value);
        String unsigned = token.split("\\.")[0] + "." + encode(payload);
        return unsigned + "." + sign(unsigned, "HmacSHA256", secret);
    }

    private static void rejected(String token) {
        Accounts.status(token).then().statusCode(401).body("error.category", equalTo("AUTHENTICATION"));
    }

    @Test
    void twoAuthorizationHeadersAreAmbiguousAndNeitherCounts() {
        String token = Accounts.signIn(Accounts.verified()).accessToken();

        Api.given()
                .header("Authorization", "Bearer " + token)
                .header("Authorization", "Bearer not.a.token")
                .get("/api/v1/auth/profile")
                .then()
                .statusCode(401);
        Api.given()
                .header("Authorization", "Bearer " + token)
                .get("/api/v1/auth/profile")
                .then()
                .statusCode(200);
    }

    @Test
    void aTamperedPayloadIsRejected() throws Exception {
        String token = Accounts.signIn(Accounts.verified()).accessToken();
        ObjectNode payload = (ObjectNode) part(token, 1);
        payload.put("role", "admin");
        String[] parts = token.split("\\.");

        rejected(parts[0] + "." + encode(payload) + "." + parts[2]);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() throws Exception {
        String token = Accounts.signIn(Accounts.verified()).accessToken();

        rejected(resigned(token, "role", "staff", "another-secret-of-sufficient-length-000000"));
    }

    @Test
    void anUnsignedAlgNoneTokenIsRejected() throws Exception {
        String token = Accounts.signIn(Accounts.verified()).accessToken();
        String header = B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

        rejected(header + "." + token.split("\\.")[1] + ".");
    }

    @Test
    void anotherAlgorithmWithTheRightKeyIsRejected() throws Exception {
        String token = Accounts.signIn(Accounts.verified()).accessToken();
        String header = B64.encodeToString("{\"alg\":\"HS512\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String unsigned = header + "." + token.split("\\.")[1];

        rejected(unsigned + "." + sign(unsigned, "HmacSHA512", TEST_SECRET));
    }

    @Test
    void aTokenForAnotherAudienceOrIssuerIsRejected() throws Exception {
        String token = Accounts.signIn(Accounts.verified()).accessToken();

        rejected(resigned(token, "aud", "some-other-app", TEST_SECRET));
        rejected(resigned(token, "iss", "someone-else", TEST_SECRET));
    }

    @Test
    void theRealTokenReSignedUnchangedIsAccepted() throws Exception {
        String token = Accounts.signIn(Accounts.verified()).accessToken();

        Accounts.status(resigned(token, "jti", part(token, 1).get("jti").asText(), TEST_SECRET))
                .then()
                .statusCode(200);
    }

    @Test
    void anExpiredTokenIsRejected() {
        String token = Accounts.signIn(Accounts.verified()).accessToken();

        RunningService.target().clock().advance(Duration.ofMinutes(16));

        rejected(token);
    }

    @Test
    void garbageIsRejected() {
        rejected("not-a-jwt");
        rejected("a.b.c");
        rejected("x".repeat(9000));
    }
}
