package com.abcdashboard.domain.auth;

/** Who is calling, as far as the transport can tell; recorded on sessions. Both may be null. */
public record ClientInfo(String ipAddress, String userAgent) {
    public static final ClientInfo UNKNOWN = new ClientInfo(null, null);
}
