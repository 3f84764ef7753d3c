package com.abcdashboard.domain;

/**
 * Who is calling, as far as the transport can tell, and the correlation id of the request; recorded on
 * sessions and audit entries. Every field may be null.
 */
public record ClientInfo(String ipAddress, String userAgent, String correlationId) {
    public static final ClientInfo UNKNOWN = new ClientInfo(null, null, null);
}
