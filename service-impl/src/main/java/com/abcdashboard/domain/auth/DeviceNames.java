package com.abcdashboard.domain.auth;

/**
 * Readable names of the devices sessions were opened from, read from their {@code User-Agent}: browser
 * (or client) and major version, operating system, and the device when the agent names one, e.g.
 * {@code Chrome 131 on Mac OS X 10.15.7} or {@code Mobile Safari 17.1 on iOS 17.1 (iPhone)}.
 */
public interface DeviceNames {
    /** The name of a session opened without a user agent. */
    String UNKNOWN = "Unknown device";

    /** @param userAgent nullable or blank: {@link #UNKNOWN} */
    String of(String userAgent);
}
