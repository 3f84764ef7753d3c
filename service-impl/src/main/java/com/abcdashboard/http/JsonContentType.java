package com.abcdashboard.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.ServerRequestHeaders;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.List;
import java.util.Locale;

/**
 * Every request body is JSON, and says so: a request that carries content under any other media type, or
 * under none, is refused with 415 before any handler sees it. The only parameter accepted is {@code charset=utf-8} (JSON is UTF-8, RFC
 * 8259). A request without content (no body, or {@code Content-Length: 0}) needs no {@code Content-Type}.
 */
public final class JsonContentType implements Filter {
    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        ServerRequestHeaders headers = req.headers();
        if (hasContent(headers) && !isJson(headers)) {
            throw new UnsupportedMediaTypeException();
        }
        chain.proceed();
    }

    private static boolean hasContent(ServerRequestHeaders headers) {
        if (headers.contains(HeaderNames.TRANSFER_ENCODING)) {
            return true;
        }
        return headers.contains(HeaderNames.CONTENT_LENGTH)
                && !headers.get(HeaderNames.CONTENT_LENGTH).get().trim().equals("0");
    }

    static boolean isJson(ServerRequestHeaders headers) {
        List<String> values = headers.all(HeaderNames.CONTENT_TYPE, List::of);
        return values.size() == 1 && isJson(values.getFirst());
    }

    static boolean isJson(String contentType) {
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";", -1);
        if (!parts[0].trim().equals("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].replace(" ", "").replace("\"", "");
            if (!parameter.equals("charset=utf-8")) {
                return false;
            }
        }
        return true;
    }

    /** Content that is not declared as JSON. */
    public static final class UnsupportedMediaTypeException extends RuntimeException {
        UnsupportedMediaTypeException() {
            super("Request body must be application/json");
        }
    }
}
