package com.abcdashboard.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors Helidon answers before routing (unparseable request line or headers, entity too large, ...)
 * in the same envelope as every other error. Only the reason phrase is shown: the transport's own
 * message can quote the request.
 */
public final class ProtocolErrorHandler implements DirectHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ProtocolErrorHandler.class);

    private final ObjectMapper mapper;
    private final boolean strictTransport;

    public ProtocolErrorHandler(ObjectMapper mapper, boolean strictTransport) {
        this.mapper = mapper;
        this.strictTransport = strictTransport;
    }

    /** This handler for every event type Helidon handles directly. */
    public DirectHandlers asDirectHandlers() {
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (EventType type : EventType.values()) {
            builder.addHandler(type, this);
        }
        return builder.build();
    }

    @Override
    public TransportResponse handle(
            TransportRequest request,
            EventType eventType,
            Status status,
            ServerResponseHeaders headers,
            String message) {
        String correlationId = CorrelationId.resolve(request.headers());
        LOG.debug("Protocol-level {} ({}): {}", status.code(), eventType, message);
        ApiError error = ApiError.of(status.code(), ErrorMapper.categoryOf(status), status.reasonPhrase());
        headers.set(HeaderValues.create(HeaderNames.CONTENT_TYPE, "application/json"));
        headers.set(HeaderValues.create(CorrelationId.HEADER, correlationId));
        SecurityHeaders.apply(headers, SecurityHeaders.API_POLICY, strictTransport);
        return TransportResponse.builder()
                .status(status)
                .headers(headers)
                .keepAlive(eventType.keepAlive())
                .entity(serialize(correlationId, error))
                .build();
    }

    private byte[] serialize(String correlationId, ApiError error) {
        try {
            return mapper.writeValueAsBytes(ErrorResponses.envelope(correlationId, error));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The error envelope cannot be serialized", e);
        }
    }
}
