package com.abcdashboard.domain.auth;

import com.abcdashboard.domain.mail.EmailMessage;
import com.abcdashboard.domain.mail.MailOutbox;
import com.abcdashboard.domain.user.User;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The sign-in notice ({@code NOTIFY_NEW_DEVICE}): when a user signs in from a device none of their earlier
 * sessions was opened from, they get a mail naming the device, the address and the time, so a sign-in
 * with a stolen password does not go unnoticed. A device is its {@link DeviceNames} name (browser, system,
 * device model), not the IP address, which changes with every network a phone joins. The first sign-in of
 * an account sends nothing: every device would be new.
 */
public final class NewDeviceNotice {
    private static final NewDeviceNotice OFF = new NewDeviceNotice(false, null, null, null);

    private final boolean enabled;
    private final SessionRepository sessions;
    private final DeviceNames devices;
    private final MailOutbox mail;

    public NewDeviceNotice(SessionRepository sessions, DeviceNames devices, MailOutbox mail) {
        this(true, sessions, devices, mail);
    }

    private NewDeviceNotice(boolean enabled, SessionRepository sessions, DeviceNames devices, MailOutbox mail) {
        this.enabled = enabled;
        this.sessions = sessions;
        this.devices = devices;
        this.mail = mail;
    }

    /** Sends nothing (the default: {@code NOTIFY_NEW_DEVICE=false}). */
    public static NewDeviceNotice off() {
        return OFF;
    }

    /** Called once {@code opened} is stored: mails the user when its device is new to them. */
    void signedIn(User user, Session opened) {
        if (!enabled) {
            return;
        }
        String device = devices.of(opened.userAgent());
        Set<String> earlier = sessions.userAgentsSeen(user.id(), opened.id());
        if (earlier.isEmpty() || earlier.stream().map(devices::of).anyMatch(device::equals)) {
            return;
        }
        mail.enqueue(new EmailMessage(
                user.email(),
                EmailMessage.Template.NEW_DEVICE_SIGN_IN,
                Map.of(
                        "name", user.firstName(),
                        "device", device,
                        "ipAddress", Objects.requireNonNullElse(opened.ipAddress(), "an unknown address"),
                        "time",
                                opened.createdAt()
                                        .truncatedTo(ChronoUnit.SECONDS)
                                        .toString())));
    }
}
