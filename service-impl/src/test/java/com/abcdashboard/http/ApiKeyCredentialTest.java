package com.abcdashboard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.WritableHeaders;
import org.junit.jupiter.api.Test;

/** Which credential of a request is an API key: {@code X-API-Key}, or a bearer that has a key's shape. */
class ApiKeyCredentialTest {
    private static final String KEY = "abc_k7q2m6xa_" + "A".repeat(43);
    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln";

    @Test
    void theXApiKeyHeaderCarriesAKey() {
        assertThat(ApiKeyCredential.of(headers("X-API-Key", "  " + KEY + " "))).contains(KEY);
        assertThat(ApiKeyCredential.of(headers("x-api-key", KEY))).contains(KEY);
    }

    @Test
    void aBearerCredentialIsAKeyOnlyWhenItHasAKeysShape() {
        assertThat(ApiKeyCredential.of(headers("Authorization", "Bearer " + KEY)))
                .contains(KEY);
        assertThat(ApiKeyCredential.of(headers("Authorization", "bearer  " + KEY)))
                .contains(KEY);
        assertThat(ApiKeyCredential.of(headers("Authorization", "Bearer " + JWT)))
                .isEmpty();
        assertThat(ApiKeyCredential.of(headers("Authorization", "Basic " + KEY)))
                .isEmpty();
        assertThat(ApiKeyCredential.of(WritableHeaders.create())).isEmpty();
    }

    @Test
    void twoCredentialsAreAmbiguous() {
        WritableHeaders<?> keyAndToken = headers("X-API-Key", KEY);
        keyAndToken.add(HeaderValues.create(HeaderNames.AUTHORIZATION, "Bearer " + JWT));
        WritableHeaders<?> twoKeys = WritableHeaders.create();
        twoKeys.add(HeaderValues.create(ApiKeyCredential.X_API_KEY, KEY, KEY));

        assertUnauthenticated(keyAndToken);
        assertUnauthenticated(twoKeys);
        assertThat(ApiKeyCredential.forRateLimit(keyAndToken)).isEmpty();
    }

    @Test
    void anEmptyOrOverlongKeyIsRefusedBeforeAnyLookup() {
        assertUnauthenticated(headers("X-API-Key", ""));
        assertUnauthenticated(headers("X-API-Key", "abc_" + "x".repeat(300)));
        assertUnauthenticated(headers("Authorization", "Bearer abc_" + "x".repeat(300)));
    }

    private static WritableHeaders<?> headers(String name, String value) {
        WritableHeaders<?> headers = WritableHeaders.create();
        headers.add(HeaderValues.create(HeaderNames.create(name), value));
        return headers;
    }

    private static void assertUnauthenticated(WritableHeaders<?> headers) {
        assertThatThrownBy(() -> ApiKeyCredential.of(headers))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.AUTHENTICATION));
    }
}
