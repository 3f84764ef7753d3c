package com.abcdashboard.domain.webhook;

import java.net.URI;

/** Decides whether the service may send requests to a URL (SSRF protection). */
public interface WebhookTargets {

    /**
     * Throws a {@code VALIDATION} {@link com.abcdashboard.domain.DomainException} naming {@code field}
     * when the URL is not allowed: a scheme other than the deployment's, or a host that resolves to an
     * address the service must not reach.
     */
    void requireAllowed(URI url, String field);
}
