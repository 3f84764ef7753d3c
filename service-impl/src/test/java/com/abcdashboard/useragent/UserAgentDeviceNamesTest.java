package com.abcdashboard.useragent;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.domain.auth.DeviceNames;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The device names a session list shows, read from real user agents of the browsers and clients in use. */
class UserAgentDeviceNamesTest {
    private final UserAgentDeviceNames names = new UserAgentDeviceNames(10);

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 | Chrome 131 on Mac OS X 10.15.7
            Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0                                     | Firefox 121 on Windows 10
            Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91 | Edge 120 on Windows 10
            Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1 | Mobile Safari 17 on iOS 17.1 (iPhone)
            Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Mobile Safari/537.36 | Chrome Mobile 119 on Android 13 (Samsung SM-S911B)
            Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0                                         | Firefox 120 on Ubuntu
            curl/8.4.0                                                                                                             | curl 8
            """)
    void namesTheBrowserItsMajorVersionTheSystemAndTheDeviceModel(String userAgent, String device) {
        assertThat(names.of(userAgent)).isEqualTo(device);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "x", "!!??"})
    void anAgentThatTellsNothingIsAnUnknownDevice(String userAgent) {
        assertThat(names.of(userAgent)).isEqualTo(DeviceNames.UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "Mozilla/5.0 (compatible; \u202Eevil)"})
    void anyAgentGetsANameWithoutFailing(String userAgent) {
        assertThat(names.of(userAgent)).isNotBlank();
    }
}
