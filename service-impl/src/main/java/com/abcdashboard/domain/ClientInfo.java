package com.abcdashboard.domain;

/**
 * Who is calling, as far as the transport can tell, and the correlation id of the request; recorded on
 * sessions and audit entries. Every field may be null.
 *
 * @param apiKey the API key the request was authenticated with; null for a person's session
 */
public record ClientInfo(String ipAddress, String userAgent, String correlationId, ApiKeyRef apiKey) {
    public static final ClientInfo UNKNOWN = new ClientInfo(null, null, null);

    /** An API key as audit entries name it: its id and its public prefix (never the key). */
    public record ApiKeyRef(String id, String prefix) {}

    public ClientInfo(String ipAddress, String userAgent, String correlationId) {
        this(ipAddress, userAgent, correlationId, null);
    }
}
