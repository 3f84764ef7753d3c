package com.abcdashboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the service has stored, as an admin sees it through the API: every user with every field
 * (including {@code updatedAt}, which any write moves), the statistics, the number of audit entries of
 * each action, every API key (with {@code lastUsedAt} and {@code revokedAt}), and how many mails were
 * sent. Two snapshots around a campaign say whether it changed anything.
 */
record StoredState(
        List<JsonNode> users, JsonNode stats, Map<String, Long> auditEntries, List<JsonNode> apiKeys, int mailsSent) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Read with {@code adminBearer} (no sign-in: that would itself be a change). */
    static StoredState read(String adminBearer, List<String> auditActions) {
        List<JsonNode> users = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode body = get(adminBearer, "/api/v1/users?limit=100&sortBy=createdAt&sortOrder=asc&page=" + page);
            body.path("data").forEach(users::add);
            if (!body.path("meta").path("pagination").path("hasNext").asBoolean()) {
                break;
            }
        }
        JsonNode stats = get(adminBearer, "/api/v1/users/stats").path("data");
        Map<String, Long> audit = new LinkedHashMap<>();
        for (String action : auditActions) {
            audit.put(
                    action,
                    get(adminBearer, "/api/v1/audit-logs?limit=1&action=" + action)
                            .path("meta")
                            .path("pagination")
                            .path("total")
                            .asLong());
        }
        List<JsonNode> apiKeys = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode body = get(adminBearer, "/api/v1/api-keys?limit=100&page=" + page);
            body.path("data").forEach(apiKeys::add);
            if (!body.path("meta").path("pagination").path("hasNext").asBoolean()) {
                break;
            }
        }
        return new StoredState(users, stats, audit, apiKeys, deliveredMail());
    }

    /** Mail delivered to the in-process capture server so far; -1 against an external instance. */
    private static int deliveredMail() {
        return RunningService.target()
                .inProcess()
                .map(app -> {
                    app.deliverDueMail();
                    return app.devMailServer().orElseThrow().received().size();
                })
                .orElse(-1);
    }

    private static JsonNode get(String adminBearer, String path) {
        Response response = Api.given().header("Authorization", adminBearer).get(path);
        response.then().statusCode(200);
        try {
            return JSON.readTree(response.asString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
