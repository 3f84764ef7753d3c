package com.abcdashboard.mail;

import com.abcdashboard.config.AppConfig;
import com.abcdashboard.config.AppEnvironment;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where mail goes: SMTP to EMAIL_HOST, or — without one, in development and tests — to an in-process
 * capture server ({@link DevMailServer}) that this transport starts and, on {@link #close()}, stops.
 */
public final class MailTransport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MailTransport.class);
    /** Fixed in development so a mail client can stay configured; free ports in tests. */
    static final int DEV_SMTP_PORT = 3025;

    static final int DEV_IMAP_PORT = 3143;

    private final AppConfig.Email smtp;
    private final Optional<DevMailServer> devServer;

    private MailTransport(AppConfig.Email smtp, Optional<DevMailServer> devServer) {
        this.smtp = smtp;
        this.devServer = devServer;
    }

    public static MailTransport open(AppConfig config) {
        if (!config.email().capturesInProcess()) {
            return new MailTransport(config.email(), Optional.empty());
        }
        DevMailServer dev = startDevServer(config.environment() == AppEnvironment.DEVELOPMENT);
        return new MailTransport(towards(dev, config.email()), Optional.of(dev));
    }

    private static DevMailServer startDevServer(boolean fixedPorts) {
        if (fixedPorts) {
            try {
                return DevMailServer.start(DEV_SMTP_PORT, DEV_IMAP_PORT);
            } catch (IllegalStateException portsTaken) {
                LOG.warn(
                        "Development mail ports {}/{} are taken (another instance?); capturing on free ports",
                        DEV_SMTP_PORT,
                        DEV_IMAP_PORT);
            }
        }
        return DevMailServer.start(0, 0);
    }

    /** Plain SMTP to the capture server on loopback, keeping the configured sender. */
    private static AppConfig.Email towards(DevMailServer dev, AppConfig.Email configured) {
        return new AppConfig.Email(
                Optional.of(DevMailServer.HOST),
                dev.smtpPort(),
                false,
                Optional.empty(),
                Optional.empty(),
                configured.fromAddress(),
                configured.fromName());
    }

    /** The SMTP server to send to, and the sender. */
    public AppConfig.Email smtp() {
        return smtp;
    }

    /** Mail's mode in the health report: {@code smtp}, or {@code dev-capture}. */
    public String mode() {
        return devServer.isPresent() ? MailStatus.DEV_CAPTURE : MailStatus.SMTP;
    }

    /** The capture server, when mail is captured in-process (development and tests). */
    public Optional<DevMailServer> devServer() {
        return devServer;
    }

    @Override
    public void close() {
        devServer.ifPresent(DevMailServer::close);
    }
}
