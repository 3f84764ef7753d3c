package com.abcdashboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublicServerUrlTest {
    private static final String PROXY = "10.0.0.5";
    private final PublicServerUrl behindProxy =
            new PublicServerUrl(Optional.empty(), new ClientAddress(List.of("10.0.0.0/8")));

    @Test
    void withoutPublicUrlOrProxyTheServerIsRelativeToThePage() {
        assertThat(behindProxy.forwarded("203.0.113.9", null, null, null, null)).isEqualTo("/");
    }

    @Test
    void forwardedHeadersFromAnUntrustedPeerAreIgnored() {
        assertThat(behindProxy.forwarded("203.0.113.9", "https", "evil.example", "443", "/x"))
                .isEqualTo("/");
    }

    @Test
    void aTrustedProxyNamesTheAddressItWasAskedFor() {
        assertThat(behindProxy.forwarded(PROXY, "https", "api.example.com", "443", null))
                .isEqualTo("https://api.example.com");
        assertThat(behindProxy.forwarded(PROXY, "http", "api.example.com", "8080", "/abc/"))
                .isEqualTo("http://api.example.com:8080/abc");
        assertThat(behindProxy.forwarded(PROXY, "https", "api.example.com:8443", "443", null))
                .isEqualTo("https://api.example.com:8443");
    }

    @Test
    void aPrefixAloneStaysRelative() {
        assertThat(behindProxy.forwarded(PROXY, null, null, null, "/abc")).isEqualTo("/abc");
    }

    @Test
    void malformedForwardedValuesAreNotCopiedIntoTheSpec() {
        assertThat(behindProxy.forwarded(PROXY, "https", "a.example\n  - url: http://evil", null, "/x\ny"))
                .isEqualTo("/");
        assertThat(behindProxy.forwarded(PROXY, "javascript", "api.example.com", "80", null))
                .isEqualTo("http://api.example.com");
    }

    @Test
    void publicUrlWinsOverEverything() {
        PublicServerUrl configured = new PublicServerUrl(
                Optional.of(URI.create("https://api.example.com/")), new ClientAddress(List.of("10.0.0.0/8")));

        assertThat(configured.forwarded(PROXY, "http", "other.example", null, null))
                .isEqualTo("https://api.example.com");
        assertThat(configured.forwarded("203.0.113.9", null, null, null, null)).isEqualTo("https://api.example.com");
    }
}
