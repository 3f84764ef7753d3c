package com.abcdashboard.http;

import com.abcdashboard.domain.ErrorCategory;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** The last route: anything no service matched gets a 404 in the error envelope. */
public final class RouteNotFoundHandler implements Handler {
    private final ErrorResponses errors;

    public RouteNotFoundHandler(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        String route =
                req.prologue().method().text() + " " + req.prologue().uriPath().rawPath();
        errors.send(req, res, ApiError.of(404, ErrorCategory.NOT_FOUND, "Route " + route + " not found"));
    }
}
