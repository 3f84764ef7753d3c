package com.abcdashboard.app;

import com.abcdashboard.config.AppConfig;
import com.abcdashboard.http.CorsFilter;
import com.abcdashboard.http.JsonWhateverAccepted;
import com.abcdashboard.http.ProtocolErrorHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.common.Size;
import io.helidon.http.media.MediaContext;
import io.helidon.http.media.jackson.JacksonSupport;
import io.helidon.webserver.ErrorHandling;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import java.time.Duration;

/** The listening socket around the routing: size limits, timeouts, the JSON media, protocol errors. */
final class HttpListener {
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
    private static final Duration IDLE_CONNECTION_TIMEOUT = Duration.ofSeconds(60);
    /** How often idle connections are looked for (Helidon's default, 2 minutes, would triple the timeout). */
    private static final Duration IDLE_CONNECTION_CHECK = Duration.ofSeconds(10);
    /** Request line (method, path with query, version): tokens never travel in it, 8 KB is generous. */
    private static final int MAX_REQUEST_LINE = 8 * 1024;
    /** All request headers together: a few cookies and a bearer token fit many times over. */
    private static final int MAX_HEADERS_SIZE = 16 * 1024;

    private HttpListener() {}

    static WebServer start(AppConfig config, HttpRouting.Builder routing, ObjectMapper json, CorsFilter cors) {
        return WebServer.builder()
                .host(config.server().host())
                .port(config.server().port())
                .shutdownHook(false)
                .shutdownGracePeriod(SHUTDOWN_GRACE)
                // Bodies over the limit are refused (413 envelope) before they are read.
                .maxPayloadSize(config.server().maxRequestBodyBytes())
                // Connections idle this long between requests are closed: abandoned keep-alive
                // connections do not pin them. Slow headers/bodies are the proxy's (docs/security.md).
                .idleConnectionTimeout(IDLE_CONNECTION_TIMEOUT)
                .idleConnectionPeriod(IDLE_CONNECTION_CHECK)
                // Responses larger than one write (a full user page) leave in several segments; with
                // Nagle's algorithm the last one waited for the client's delayed ACK, 40 ms each time.
                .connectionOptions(socket -> socket.tcpNoDelay(true))
                .addProtocol(Http1Config.builder()
                        .maxPrologueLength(MAX_REQUEST_LINE)
                        .maxHeadersSize(MAX_HEADERS_SIZE)
                        // RequestFraming buffers every body, up to the payload limit.
                        .maxBufferedEntitySize(Size.create(config.server().maxRequestBodyBytes()))
                        .build())
                .mediaContext(MediaContext.builder()
                        .addMediaSupport(new JsonWhateverAccepted(JacksonSupport.create(json)))
                        .build())
                // HSTS on protocol-error answers too, outside local development.
                .directHandlers(new ProtocolErrorHandler(json, !Routes.development(config), cors).asDirectHandlers())
                // Hands Helidon's message to ProtocolErrorHandler (which tells a 431 by it and never
                // shows it to the client); without this it gets null.
                .errorHandling(ErrorHandling.builder().includeEntity(true).build())
                .routing(routing)
                .build()
                .start();
    }
}
