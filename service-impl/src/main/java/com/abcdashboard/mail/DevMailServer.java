package com.abcdashboard.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Development and test mail capture: an in-process GreenMail SMTP server that the service sends to
 * through its normal SMTP path, and an IMAP server to read what arrived with any mail client (log in
 * with the recipient address as user and password). Never started in staging or production.
 */
public final class DevMailServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DevMailServer.class);

    private final GreenMail greenMail;

    private DevMailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Ports 0 pick free ones. */
    static DevMailServer start(int smtpPort, int imapPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
        });
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        DevMailServer server = new DevMailServer(greenMail);
        LOG.info(
                "Development mail capture: SMTP 127.0.0.1:{}; read the mail over IMAP at 127.0.0.1:{} "
                        + "(user and password: the recipient address)",
                server.smtpPort(),
                server.imapPort());
        return server;
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    public List<MimeMessage> received() {
        return List.of(greenMail.getReceivedMessages());
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
