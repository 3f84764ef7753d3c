package com.abcdashboard.domain.auth;

import static com.abcdashboard.testsupport.TestUseCases.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.domain.ClientInfo;
import com.abcdashboard.domain.mail.EmailMessage;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.testsupport.EmbeddedMongo;
import com.abcdashboard.testsupport.TestUseCases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code NOTIFY_NEW_DEVICE}: a mail for a sign-in from a device none of the user's earlier sessions came from. */
class NewDeviceNoticeTest {
    private static final String LAPTOP =
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    /** The same browser a patch release later: the same device. */
    private static final String LAPTOP_UPDATED =
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.86 Safari/537.36";

    private static final String PHONE =
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1";

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private TestUseCases auth;
    private User sam;

    @BeforeEach
    void start() {
        auth = new TestUseCases(mongo.freshDatabase());
        sam = auth.account("sam@devices.test");
    }

    @AfterEach
    void stop() {
        auth.close();
    }

    @Test
    void aSignInFromANewDeviceMailsTheUserTheDeviceAddressAndTime() {
        TestUseCases.Instance service = auth.instanceNotifyingNewDevices();
        signIn(service, LAPTOP, "198.51.100.1");

        signIn(service, PHONE, "203.0.113.9");

        assertThat(notices())
                .singleElement()
                .satisfies(mail -> assertThat(mail.variables())
                        .containsEntry("device", "Mobile Safari 17 on iOS 17.1 (iPhone)")
                        .containsEntry("ipAddress", "203.0.113.9")
                        .containsEntry("time", auth.clock.instant().toString())
                        .containsEntry("name", sam.firstName()));
    }

    @Test
    void theFirstSignInAndTheSameDeviceAgainFromAnotherAddressSendNothing() {
        TestUseCases.Instance service = auth.instanceNotifyingNewDevices();

        signIn(service, LAPTOP, "198.51.100.1");
        signIn(service, LAPTOP_UPDATED, "192.0.2.44");

        assertThat(notices()).isEmpty();
    }

    @Test
    void aDeviceOfAnEndedSessionIsNotNew() {
        TestUseCases.Instance service = auth.instanceNotifyingNewDevices();
        SessionTokens phone = signIn(service, PHONE, "203.0.113.9");
        service.sessions().logout(java.util.Optional.of(phone.refreshToken()), java.util.Optional.empty());

        signIn(service, PHONE, "203.0.113.9");

        assertThat(notices()).isEmpty();
    }

    @Test
    void withTheSettingOffNothingIsSent() {
        TestUseCases.Instance service = auth.instance();
        signIn(service, LAPTOP, "198.51.100.1");

        signIn(service, PHONE, "203.0.113.9");

        assertThat(notices()).isEmpty();
    }

    private SessionTokens signIn(TestUseCases.Instance service, String userAgent, String ip) {
        return service.signIn()
                .login(sam.email(), PASSWORD, new ClientInfo(ip, userAgent, "corr"))
                .tokens();
    }

    private java.util.List<EmailMessage> notices() {
        return auth.mail.to(sam.email(), EmailMessage.Template.NEW_DEVICE_SIGN_IN);
    }
}
