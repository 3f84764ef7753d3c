package com.abcdashboard.bench;

import io.helidon.http.HeaderValues;
import io.helidon.webserver.WebServer;
import java.nio.charset.StandardCharsets;

/**
 * The ceiling the service is compared with: a bare Helidon 4 SE server, default settings, one route
 * ({@code GET /baseline}) answering a fixed small JSON document. No filters, no media support, no
 * logging per request — what the same web server on the same JVM does when the application does nothing.
 *
 * <p>{@code java -cp bench/target/abc-dashboard-bench.jar com.abcdashboard.bench.BaselineServer PORT}
 * (port 0 picks a free one); prints the bound port, runs until stopped.
 */
public final class BaselineServer {
    static final String PATH = "/baseline";
    static final byte[] BODY =
            "{\"success\":true,\"message\":\"baseline\",\"data\":{\"status\":\"ok\"}}".getBytes(StandardCharsets.UTF_8);

    private BaselineServer() {}

    public static void main(String[] args) {
        int port = args.length == 0 ? 0 : Integer.parseInt(args[0]);
        WebServer server = start(port);
        System.out.println("baseline listening on http://127.0.0.1:" + server.port() + PATH);
    }

    static WebServer start(int port) {
        return WebServer.builder()
                .host("127.0.0.1")
                .port(port)
                .routing(routing -> routing.get(PATH, (req, res) -> {
                    res.header(HeaderValues.CONTENT_TYPE_JSON);
                    res.send(BODY);
                }))
                .build()
                .start();
    }
}
