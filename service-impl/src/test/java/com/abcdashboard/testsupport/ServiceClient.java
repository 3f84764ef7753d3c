package com.abcdashboard.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.app.Application;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** JSON over HTTP to a started {@link Application}, the way a client of the API calls it. */
public final class ServiceClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** An answer; a body that is not JSON is kept as a text node. */
    public record Response(int status, JsonNode body, HttpHeaders headers) {
        public JsonNode data() {
            return body.path("data");
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI base;

    public ServiceClient(Application app) {
        this(app.port());
    }

    /** A service on this loopback port, e.g. one running in a child JVM. */
    public ServiceClient(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    public Response get(String path, String token) throws IOException, InterruptedException {
        return call("GET", path, token, null);
    }

    public Response post(String path, Object body) throws IOException, InterruptedException {
        return call("POST", path, null, body);
    }

    public Response call(String method, String path, String token, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), parse(response.body()), response.headers());
    }

    /** Signs in (which must succeed) and returns the access token. */
    public String signIn(String email, String password) throws IOException, InterruptedException {
        Response login = post("/api/v1/auth/login", Map.of("email", email, "password", password));
        assertThat(login.status()).as("sign-in of " + email).isEqualTo(200);
        return login.data().path("tokens").path("accessToken").asText();
    }

    /** Creates an active staff user (as an admin) and returns its id. */
    public String createStaff(String adminToken, String email, String password)
            throws IOException, InterruptedException {
        Response created = call(
                "POST",
                "/api/v1/users",
                adminToken,
                Map.of(
                        "email", email,
                        "firstName", "Sam",
                        "lastName", "Shared",
                        "role", "staff",
                        "password", password));
        assertThat(created.status()).as("creating " + email).isEqualTo(201);
        return created.data().path("user").path("id").asText();
    }

    private static JsonNode parse(String body) {
        if (body.isEmpty()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException notJson) {
            return TextNode.valueOf(body);
        }
    }
}
