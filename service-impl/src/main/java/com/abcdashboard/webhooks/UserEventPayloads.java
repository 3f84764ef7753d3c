package com.abcdashboard.webhooks;

import com.abcdashboard.domain.user.PendingUserEvent;
import com.abcdashboard.mapping.UserMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The body of a user event: {@code {type, timestamp, data}} with {@code data} the account exactly as the
 * API returns it (the spec's {@code User}, by the same mapper).
 */
public final class UserEventPayloads {
    private final ObjectMapper json;

    public UserEventPayloads(ObjectMapper json) {
        this.json = json;
    }

    public String render(PendingUserEvent event) {
        ObjectNode body = json.createObjectNode();
        body.put("type", event.type().id());
        body.put("timestamp", event.at().toString());
        body.set("data", json.valueToTree(UserMapper.INSTANCE.toDto(event.user())));
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A user always serialises", e);
        }
    }
}
