package com.abcdashboard.http;

import com.abcdashboard.domain.ErrorCategory;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;

/**
 * The last route: a path the spec documents, asked with a method it does not document, gets 405 with
 * {@code Allow}; anything else no service matched gets 404. Both in the error envelope.
 */
public final class RouteNotFoundHandler implements Handler {
    private final ErrorResponses errors;
    private final SpecRoutes routes;

    public RouteNotFoundHandler(ErrorResponses errors, SpecRoutes routes) {
        this.errors = errors;
        this.routes = routes;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        String route =
                req.prologue().method().text() + " " + req.prologue().uriPath().rawPath();
        List<String> allowed = routes.methodsFor(req.prologue().uriPath().rawPath());
        if (!allowed.isEmpty() && !allowed.contains(req.prologue().method().text())) {
            res.header(HeaderNames.ALLOW, String.join(", ", allowed));
            errors.send(
                    req,
                    res,
                    ApiError.of(
                            405,
                            ErrorCategory.NOT_FOUND,
                            "Method " + req.prologue().method().text() + " not allowed here; allowed: "
                                    + String.join(", ", allowed)));
            return;
        }
        errors.send(req, res, ApiError.of(404, ErrorCategory.NOT_FOUND, "Route " + route + " not found"));
    }
}
