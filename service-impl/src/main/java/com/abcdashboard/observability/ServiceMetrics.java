package com.abcdashboard.observability;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.MetricsConfig;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import io.helidon.metrics.spi.MeterRegistryFormatterProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Every meter the service defines, by name, over Helidon's global meter registry (Micrometer inside;
 * the JVM meters come from helidon-metrics-system-meters). The registry is process-wide, so this is
 * too: several service instances in one JVM (tests) add up. Names are listed in docs/observability.md.
 */
public final class ServiceMetrics {
    private static final ServiceMetrics GLOBAL = new ServiceMetrics(Metrics.globalRegistry());

    /** Request latency buckets: a typical API call is 1-50 ms, bcrypt-bound sign-ins 100-500 ms. */
    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5)
    };

    private final MeterRegistry registry;
    /**
     * The meters already registered, by name and labels: the request timer and the cache counters are
     * hit on every request, so they are looked up here instead of building a meter description each time.
     */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    private static final String CACHE_LOOKUPS = "Cache lookups by cache and result";
    /** By cache name: its hit and miss counters. */
    private final Map<String, Counter[]> cacheCounters = new ConcurrentHashMap<>();

    /** Requests that have entered the routing and not yet been answered, over every instance in the JVM. */
    private final AtomicInteger activeRequests = new AtomicInteger();

    private ServiceMetrics(MeterRegistry registry) {
        this.registry = registry;
        gauge("http.server.requests.active", "HTTP requests being handled now", activeRequests::get);
    }

    public static ServiceMetrics global() {
        return GLOBAL;
    }

    /**
     * {@code http_server_requests_seconds{method, route, status}}: route is the spec's path template. Ends
     * the request begun by {@link #requestStarted}.
     */
    public void request(String method, String route, int status, Duration took) {
        timers.computeIfAbsent(
                        method + " " + route + " " + status,
                        key -> registry.getOrCreate(Timer.builder("http.server.requests")
                                .description("HTTP requests by method, route template and status")
                                .buckets(LATENCY_BUCKETS)
                                .tags(List.of(
                                        Tag.create("method", method),
                                        Tag.create("route", route),
                                        Tag.create("status", Integer.toString(status))))))
                .record(took);
        activeRequests.decrementAndGet();
    }

    /** A request entered the routing: {@code http_server_requests_active} counts it until {@link #request}. */
    public void requestStarted() {
        activeRequests.incrementAndGet();
    }

    /** {@code audit_events_total{action}}: sign-ins, lockouts, password and account changes. */
    public void auditEvent(String action) {
        count("audit.events", "Security-relevant events, as written to the audit log", Tag.create("action", action));
    }

    /** {@code mail_messages_total{outcome}}: sent, retried (a failed attempt that will be retried), failed (given up). */
    public void mail(String outcome) {
        count("mail.messages", "Mail delivery attempts by outcome", Tag.create("outcome", outcome));
    }

    /**
     * {@code webhook_deliveries_total{outcome}}: succeeded, retried (a failed attempt that will be retried),
     * failed (given up).
     */
    public void webhookDelivery(String outcome) {
        count("webhook.deliveries", "Webhook delivery attempts by outcome", Tag.create("outcome", outcome));
    }

    /** {@code cache_requests_total{cache, result}}: result is hit or miss. */
    public void cacheLookup(String cache, boolean hit) {
        // Two lookups per authenticated request: the pair of counters is found by the cache's name alone.
        Counter[] pair = cacheCounters.computeIfAbsent(cache, name -> new Counter[] {
            counter("cache.requests", CACHE_LOOKUPS, Tag.create("cache", name), Tag.create("result", "hit")),
            counter("cache.requests", CACHE_LOOKUPS, Tag.create("cache", name), Tag.create("result", "miss"))
        });
        pair[hit ? 0 : 1].increment();
    }

    /**
     * {@code password_checks_total{against}}: bcrypt evaluations; {@code against} is {@code account} (a
     * stored hash) or {@code nothing} (the dummy hash spent for an unknown address).
     */
    public void passwordCheck(boolean againstAccount) {
        count(
                "password.checks",
                "Password hash evaluations (bcrypt)",
                Tag.create("against", againstAccount ? "account" : "nothing"));
    }

    /** {@code rate_limit_rejections_total{limit}}. */
    public void rateLimitRejected(String limit) {
        count("rate.limit.rejections", "Requests refused by a rate limit", Tag.create("limit", limit));
    }

    /** A gauge read when scraped; {@code value} must be cheap and must not throw. */
    public void gauge(String name, String description, Supplier<? extends Number> value, Tag... tags) {
        registry.getOrCreate(Gauge.builder(name, value).description(description).tags(List.of(tags)));
    }

    private void count(String name, String description, Tag... tags) {
        counter(name, description, tags).increment();
    }

    private Counter counter(String name, String description, Tag... tags) {
        StringBuilder key = new StringBuilder(name);
        for (Tag tag : tags) {
            key.append(' ').append(tag.key()).append('=').append(tag.value());
        }
        return counters.computeIfAbsent(
                key.toString(),
                k -> registry.getOrCreate(
                        Counter.builder(name).description(description).tags(List.of(tags))));
    }

    /** Every meter in the Prometheus text exposition format (version 0.0.4). */
    public String prometheusText() {
        for (MeterRegistryFormatterProvider provider : ServiceLoader.load(MeterRegistryFormatterProvider.class)) {
            Optional<String> text = provider.formatter(
                            MediaTypes.TEXT_PLAIN,
                            MetricsConfig.create(),
                            registry,
                            Optional.empty(),
                            List.of(),
                            List.of())
                    .flatMap(formatter -> formatter.format())
                    .map(String::valueOf);
            if (text.isPresent()) {
                return text.get();
            }
        }
        throw new IllegalStateException(
                "No Prometheus formatter on the classpath (helidon-metrics-providers-micrometer)");
    }
}
