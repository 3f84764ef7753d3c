package com.abcdashboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    private final ClientAddress behindProxies = new ClientAddress(List.of("10.0.0.0/8", "127.0.0.1", "fd00::/8"));

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertThat(new ClientAddress(List.of()).resolve("203.0.113.9", List.of("1.2.3.4")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void anUntrustedPeerCannotClaimAnotherAddress() {
        assertThat(behindProxies.resolve("203.0.113.9", List.of("1.2.3.4"))).isEqualTo("203.0.113.9");
    }

    @Test
    void behindTrustedProxiesTheRightMostUntrustedHopIsTheClient() {
        // The client forged the first entry; nginx (10.1.2.3) appended the real one.
        assertThat(behindProxies.resolve("127.0.0.1", List.of("6.6.6.6, 198.51.100.7, 10.1.2.3")))
                .isEqualTo("198.51.100.7");
        assertThat(behindProxies.resolve("10.9.9.9", List.of("6.6.6.6", "198.51.100.7")))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void garbageOrAnAllTrustedChainFallsBackToThePeer() {
        assertThat(behindProxies.resolve("127.0.0.1", List.of("not-an-ip"))).isEqualTo("127.0.0.1");
        assertThat(behindProxies.resolve("127.0.0.1", List.of("10.0.0.1"))).isEqualTo("127.0.0.1");
        assertThat(behindProxies.resolve("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
    }

    @Test
    void ipv6RangesWork() {
        assertThat(behindProxies.isTrusted("fd12::1")).isTrue();
        assertThat(behindProxies.isTrusted("2001:db8::1")).isFalse();
        assertThat(behindProxies.isTrusted("11.0.0.1")).isFalse();
    }
}
