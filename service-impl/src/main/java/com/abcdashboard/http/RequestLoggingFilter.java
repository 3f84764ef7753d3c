package com.abcdashboard.http;

import static net.logstash.logback.argument.StructuredArguments.v;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The outermost filter: gives the request its correlation id (response header, request context and the
 * logging MDC, so every log line of the request carries it), puts the caller's trace there too
 * ({@link IncomingTrace}: {@code traceId}, {@code parentSpanId}), and writes one access-log line when the
 * request ends. The line has the path without the query string, which may carry tokens.
 */
public final class RequestLoggingFilter implements Filter {
    private static final Logger ACCESS = LoggerFactory.getLogger("access");

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String id = CorrelationId.resolve(req);
        CorrelationId.store(req.context(), id);
        res.header(CorrelationId.HEADER, id);
        MDC.put(CorrelationId.MDC_KEY, id);
        IncomingTrace.fieldsOf(req.headers()).forEach(MDC::put);
        // The original path: inside a registered service req.path() becomes relative to its prefix.
        String path = req.prologue().uriPath().rawPath();
        long start = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            long micros = (System.nanoTime() - start) / 1000;
            // Each value is also a JSON field (method, path, status, durationMs) in the file logs.
            ACCESS.info(
                    "{} {} {} {}ms",
                    v("method", req.prologue().method().text()),
                    v("path", path),
                    v("status", res.status().code()),
                    v("durationMs", micros / 1000.0));
            MDC.remove(CorrelationId.MDC_KEY);
            IncomingTrace.MDC_KEYS.forEach(MDC::remove);
            MDC.remove(ScopedAuthenticator.MDC_KEY);
        }
    }
}
