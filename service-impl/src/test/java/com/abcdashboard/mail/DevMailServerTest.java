package com.abcdashboard.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.abcdashboard.testsupport.FreePort;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class DevMailServerTest {
    @Test
    void listensOnLoopbackForSmtpAndImap() {
        try (DevMailServer server = DevMailServer.start(0, 0)) {
            assertThat(FreePort.accepts(server.smtpPort())).isTrue();
            assertThat(FreePort.accepts(server.imapPort())).isTrue();
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void aTakenPortFailsTheStartAndLeavesNothingListening() throws Exception {
        int smtpPort = FreePort.closed();
        try (ServerSocket imapTaken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> DevMailServer.start(smtpPort, imapTaken.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class);
        }

        assertThat(FreePort.accepts(smtpPort)).isFalse();
    }
}
