package com.abcdashboard.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetAddressesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0.0.0.0",
                "0.1.2.3",
                "10.0.0.1",
                "10.255.255.255",
                "100.64.0.1",
                "100.127.255.254",
                "127.0.0.1",
                "127.8.9.10",
                "169.254.169.254",
                "172.16.0.1",
                "172.31.255.255",
                "192.0.0.8",
                "192.0.2.1",
                "192.168.1.1",
                "198.18.0.1",
                "198.51.100.7",
                "203.0.113.9",
                "224.0.0.1",
                "239.255.255.250",
                "240.0.0.1",
                "255.255.255.255",
                "::",
                "::1",
                "fe80::1",
                "fc00::1",
                "fd12:3456::1",
                "ff02::1",
                "fec0::1",
                "::ffff:127.0.0.1",
                "::ffff:10.0.0.1",
                "::ffff:169.254.169.254",
                "::127.0.0.1",
                "64:ff9b::a00:1",
                "2002:a00:1::",
                "2002:7f00:1::",
                "2001:db8::1"
            })
    void internalAddressesAreRefused(String literal) throws UnknownHostException {
        assertThat(TargetAddresses.isInternal(InetAddress.getByName(literal)))
                .as(literal)
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.1.1.1",
                "8.8.8.8",
                "93.184.216.34",
                "100.63.255.255",
                "100.128.0.1",
                "172.15.255.255",
                "172.32.0.1",
                "192.167.1.1",
                "198.20.0.1",
                "223.255.255.254",
                "2606:4700:4700::1111",
                "2a00:1450:4001:81b::200e",
                "::ffff:8.8.8.8",
                "64:ff9b::808:808",
                "2002:808:808::"
            })
    void publicAddressesAreAllowed(String literal) throws UnknownHostException {
        assertThat(TargetAddresses.isInternal(InetAddress.getByName(literal)))
                .as(literal)
                .isFalse();
    }

    @Test
    void aNameWithAnyInternalAddressIsRefusedWhicheverTheClientWouldPick() {
        TargetAddresses targets = new TargetAddresses(false, false, host ->
                new InetAddress[] {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.7")});

        DomainException refused = catchThrowableOfType(
                DomainException.class, () -> targets.requireAllowed(URI.create("https://hooks.example.com/x"), "url"));

        assertThat(refused.category()).isEqualTo(ErrorCategory.VALIDATION);
        assertThat(refused.details()).containsEntry("url", "resolves to a private or reserved address");
    }

    @Test
    void plainHttpOnlyWhereAllowedAndPrivateTargetsOnlyWhereAllowed() throws UnknownHostException {
        InetAddress publicAddress = InetAddress.getByName("93.184.216.34");
        TargetAddresses deployed = new TargetAddresses(false, false, host -> new InetAddress[] {publicAddress});
        assertThatCode(() -> deployed.requireAllowed(URI.create("https://hooks.example.com/x"), "url"))
                .doesNotThrowAnyException();
        assertThat(catchThrowableOfType(
                                DomainException.class,
                                () -> deployed.requireAllowed(URI.create("http://hooks.example.com/x"), "url"))
                        .details())
                .containsEntry("url", "must be an https URL");

        TargetAddresses local = new TargetAddresses(true, true, host -> {
            throw new AssertionError("no resolution needed when private targets are allowed");
        });
        assertThatCode(() -> local.requireAllowed(URI.create("http://127.0.0.1:8080/x"), "url"))
                .doesNotThrowAnyException();
    }

    @Test
    void aNameThatDoesNotResolveIsRefused() {
        TargetAddresses targets = new TargetAddresses(false, false, host -> {
            throw new UnknownHostException(host);
        });
        assertThat(catchThrowableOfType(
                                DomainException.class,
                                () -> targets.requireAllowed(URI.create("https://nowhere.invalid/x"), "url"))
                        .details())
                .containsEntry("url", "names a host that does not resolve");
    }
}
