package com.abcdashboard.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Development and test mail capture: an in-process GreenMail SMTP server on loopback that the service
 * sends to through its normal SMTP path, and an IMAP server to read what arrived with any mail client.
 * GreenMail files each message under a user it creates for the recipient (login and password: the
 * recipient address); authentication is disabled, so logging in with the recipient address and any
 * password opens that mailbox. Never started in staging or production (AppConfig requires EMAIL_HOST
 * there).
 */
public final class DevMailServer implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    private static final Logger LOG = LoggerFactory.getLogger(DevMailServer.class);

    private final GreenMail greenMail;

    private DevMailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /**
     * Starts SMTP and IMAP on the given loopback ports (0 picks free ones).
     *
     * @throws IllegalStateException when a port is taken; nothing is left running then
     */
    static DevMailServer start(int smtpPort, int imapPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, HOST, ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, HOST, ServerSetup.PROTOCOL_IMAP)
        });
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            // One server may have started before the other failed to bind.
            greenMail.stop();
            throw e;
        }
        DevMailServer server = new DevMailServer(greenMail);
        LOG.info(
                "Development mail capture: the service sends to SMTP {}:{}; read the mail over IMAP at {}:{} "
                        + "(no TLS; user: the recipient address, password: the same address)",
                HOST,
                server.smtpPort(),
                HOST,
                server.imapPort());
        return server;
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** Every message received since start, for every recipient, oldest first. */
    public List<MimeMessage> received() {
        return List.of(greenMail.getReceivedMessages());
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
