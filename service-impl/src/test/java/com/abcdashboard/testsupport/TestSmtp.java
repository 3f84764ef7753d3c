package com.abcdashboard.testsupport;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** GreenMail as the tests' SMTP server, on loopback. */
public final class TestSmtp {
    private TestSmtp() {}

    /** A fresh server on a free port for every test: {@code @RegisterExtension final GreenMailExtension smtp = TestSmtp.perTest();}. */
    public static GreenMailExtension perTest() {
        return new GreenMailExtension(on(0));
    }

    /** A server on {@code port}, started: e.g. the one that comes back after an outage. The caller stops it. */
    public static GreenMail startedOn(int port) {
        GreenMail server = new GreenMail(on(port));
        server.start();
        return server;
    }

    /** SMTP on loopback at {@code port} (0: a free one). */
    public static ServerSetup on(int port) {
        return new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    }
}
