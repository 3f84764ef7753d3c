package com.abcdashboard.domain.webhook;

import com.abcdashboard.domain.ClientInfo;
import com.abcdashboard.domain.DomainException;
import com.abcdashboard.domain.ErrorCategory;
import com.abcdashboard.domain.FieldErrors;
import com.abcdashboard.domain.Page;
import com.abcdashboard.domain.PageRequest;
import com.abcdashboard.domain.audit.AuditAction;
import com.abcdashboard.domain.audit.AuditEvent;
import com.abcdashboard.domain.audit.AuditLog;
import com.abcdashboard.domain.user.Role;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.domain.user.UserEventType;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Webhook endpoints, managed by admins: registration (the secret shown once), changes, deletion, a test
 * event, the deliveries and a redelivery. Every change is audited.
 */
public final class WebhookAdministration {
    public static final String TEST_EVENT = "webhook.test";
    static final int MAX_URL_LENGTH = 2048;
    static final int MAX_DESCRIPTION_LENGTH = 500;

    private final WebhookStore store;
    private final WebhookTargets targets;
    private final WebhookSecrets secrets;
    private final AuditLog audit;
    private final Runnable deliveriesQueued;
    private final Clock clock;

    /** @param deliveriesQueued told when a delivery is due now, so it goes out before the next poll */
    public WebhookAdministration(
            WebhookStore store,
            WebhookTargets targets,
            WebhookSecrets secrets,
            AuditLog audit,
            Runnable deliveriesQueued,
            Clock clock) {
        this.store = store;
        this.targets = targets;
        this.secrets = secrets;
        this.audit = audit;
        this.deliveriesQueued = deliveriesQueued;
        this.clock = clock;
    }

    /** The new endpoint, its secret included (the only time it leaves the service). */
    public Webhook create(User caller, String url, Set<UserEventType> events, String description, ClientInfo client) {
        requireAdmin(caller);
        FieldErrors errors = new FieldErrors();
        URI target = checkedUrl(errors, url);
        if (events == null || events.isEmpty()) {
            errors.add("events", "must name at least one event");
        }
        checkDescription(errors, description);
        errors.throwIfAny();
        targets.requireAllowed(target, "url");
        Instant now = clock.instant();
        Webhook created = store.insert(new NewWebhook(
                target.toString(), events, blankToNull(description), secrets.generate(), now, caller.id()));
        audited(AuditAction.WEBHOOK_CREATED, caller, created, client, Map.of("url", created.url()));
        return created;
    }

    public List<Webhook> list(User caller) {
        requireAdmin(caller);
        return store.all();
    }

    public Webhook get(User caller, String id) {
        requireAdmin(caller);
        return existing(id);
    }

    public Webhook update(User caller, String id, WebhookChanges changes, ClientInfo client) {
        requireAdmin(caller);
        existing(id);
        FieldErrors errors = new FieldErrors();
        URI target = changes.url() == null ? null : checkedUrl(errors, changes.url());
        checkDescription(errors, changes.description());
        errors.throwIfAny();
        if (target != null) {
            targets.requireAllowed(target, "url");
        }
        WebhookChanges applied = new WebhookChanges(
                target == null ? null : target.toString(), changes.events(), changes.description(), changes.active());
        Webhook updated = store.update(id, applied, clock.instant()).orElseThrow(WebhookAdministration::notFound);
        Map<String, String> details = new HashMap<>();
        if (changes.active() != null) {
            details.put("active", changes.active().toString());
        }
        if (target != null) {
            details.put("url", updated.url());
        }
        audited(AuditAction.WEBHOOK_UPDATED, caller, updated, client, details);
        return updated;
    }

    public void delete(User caller, String id, ClientInfo client) {
        requireAdmin(caller);
        Webhook gone = existing(id);
        if (!store.delete(id)) {
            throw notFound();
        }
        audited(AuditAction.WEBHOOK_DELETED, caller, gone, client, Map.of("url", gone.url()));
    }

    /** Queues a {@code webhook.test} event to the endpoint, whatever it subscribes to. */
    public WebhookDelivery test(User caller, String id) {
        requireAdmin(caller);
        Webhook webhook = existing(id);
        Instant now = clock.instant();
        String body = "{\"type\":\"" + TEST_EVENT + "\",\"timestamp\":\"" + now + "\",\"data\":{\"webhookId\":\""
                + webhook.id() + "\"}}";
        WebhookDelivery queued = store.enqueue(webhook.id(), "test_" + UUID.randomUUID(), TEST_EVENT, body, now);
        deliveriesQueued.run();
        return queued;
    }

    public Page<WebhookDelivery> deliveries(User caller, String id, PageRequest page) {
        requireAdmin(caller);
        existing(id);
        return store.deliveries(id, page);
    }

    /** A new series of attempts with the same {@code webhook-id} and body. */
    public WebhookDelivery redeliver(User caller, String id, String deliveryId) {
        requireAdmin(caller);
        existing(id);
        WebhookDelivery queued = store.redeliver(id, deliveryId, clock.instant())
                .orElseThrow(() -> new DomainException(ErrorCategory.NOT_FOUND, "Delivery not found"));
        deliveriesQueued.run();
        return queued;
    }

    private Webhook existing(String id) {
        return store.find(id).orElseThrow(WebhookAdministration::notFound);
    }

    private static DomainException notFound() {
        return new DomainException(ErrorCategory.NOT_FOUND, "Webhook not found");
    }

    private static void requireAdmin(User caller) {
        if (caller.role() != Role.ADMIN) {
            throw new DomainException(ErrorCategory.AUTHORIZATION, "Only admins can manage webhooks");
        }
    }

    private static URI checkedUrl(FieldErrors errors, String url) {
        if (!errors.required("url", url)) {
            return null;
        }
        if (url.length() > MAX_URL_LENGTH) {
            errors.add("url", "must be at most " + MAX_URL_LENGTH + " characters");
            return null;
        }
        try {
            URI uri = new URI(url.trim());
            if (!uri.isAbsolute()
                    || uri.getHost() == null
                    || uri.getRawUserInfo() != null
                    || uri.getRawFragment() != null) {
                errors.add("url", "must be an absolute http(s) URL with a host, without user info or fragment");
                return null;
            }
            String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                errors.add("url", "must be an http(s) URL");
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            errors.add("url", "is not a valid URL");
            return null;
        }
    }

    private static void checkDescription(FieldErrors errors, String description) {
        if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
            errors.add("description", "must be at most " + MAX_DESCRIPTION_LENGTH + " characters");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private void audited(
            AuditAction action, User caller, Webhook webhook, ClientInfo client, Map<String, String> details) {
        audit.record(AuditEvent.of(action, clock.instant(), caller.id(), webhook.id(), client, details));
    }
}
