package com.abcdashboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void developmentOverPlainHttpGetsNoStrictTransportSecurity() {
        ServerResponseHeaders headers = ServerResponseHeaders.create();

        SecurityHeaders.apply(headers, SecurityHeaders.API_POLICY, false);

        assertThat(headers.contains(HeaderNames.STRICT_TRANSPORT_SECURITY)).isFalse();
        assertThat(headers.get(HeaderNames.X_CONTENT_TYPE_OPTIONS).get()).isEqualTo("nosniff");
    }

    @Test
    void everyOtherEnvironmentPinsHttpsForAYear() {
        ServerResponseHeaders headers = ServerResponseHeaders.create();

        SecurityHeaders.apply(headers, SecurityHeaders.API_POLICY, true);

        assertThat(headers.get(HeaderNames.STRICT_TRANSPORT_SECURITY).get())
                .isEqualTo("max-age=31536000; includeSubDomains");
    }

    @Test
    void theJsonPolicyAllowsNothingToLoadOrFrameIt() {
        assertThat(SecurityHeaders.API_POLICY).startsWith("default-src 'none'").contains("frame-ancestors 'none'");
    }

    @Test
    void theDocsPolicyAllowsOnlySameOriginScriptsAndNoFraming() {
        assertThat(SecurityHeaders.DOCS_POLICY)
                .contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-eval", "*");
    }
}
