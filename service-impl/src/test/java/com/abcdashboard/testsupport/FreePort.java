package com.abcdashboard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.awaitility.Awaitility;

/** A loopback port nothing listens on (just released by the OS): connections to it are refused. */
public final class FreePort {
    private FreePort() {}

    public static int closed() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (bounded) until something listens on {@code port}: a server the test started is up. */
    public static void awaitAccepting(int port, String what) {
        Awaitility.await(what)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> accepts(port));
    }

    public static boolean accepts(int port) {
        try (java.net.Socket ignored = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
