package com.abcdashboard.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.staticcontent.StaticContentService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API reference: Swagger UI at {@code /api-docs}, and the spec the service was built from at
 * {@code /api-docs/openapi.yaml} (the bytes of the api-spec artifact with only the top-level
 * {@code servers} block replaced by the public address, {@link PublicServerUrl}) and
 * {@code /api-docs/openapi.json} (the same document as JSON). The packaged {@code servers} entry names a
 * developer's {@code bin/start}; served as is, "Try it out" on any other host would call that one.
 */
public final class ApiDocsService implements HttpService {
    /** Where the api-spec artifact keeps the document. */
    public static final String SPEC_RESOURCE = "openapi/abc-dashboard-api.yaml";

    private static final Pattern SERVERS_BLOCK = Pattern.compile("(?m)^servers:\\R(?:[ \\t].*\\R|\\R)*");

    private final String yamlBeforeServers;
    private final String yamlAfterServers;
    private final ObjectNode tree;
    private final PublicServerUrl serverUrl;
    private final byte[] indexHtml;
    private final byte[] initializerJs;
    private final String swaggerUiVersion;

    public ApiDocsService(String swaggerUiVersion, PublicServerUrl serverUrl) {
        this.swaggerUiVersion = swaggerUiVersion;
        this.serverUrl = serverUrl;
        String yaml = new String(resource(SPEC_RESOURCE), StandardCharsets.UTF_8);
        Matcher servers = SERVERS_BLOCK.matcher(yaml);
        if (!servers.find()) {
            throw new IllegalStateException("The packaged OpenAPI document has no top-level servers block");
        }
        this.yamlBeforeServers = yaml.substring(0, servers.start());
        this.yamlAfterServers = yaml.substring(servers.end());
        this.tree = parse(yaml);
        this.indexHtml = resource("api-docs/index.html");
        this.initializerJs = resource("api-docs/swagger-initializer.js");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> send(res, indexHtml, "text/html; charset=UTF-8"))
                .get(
                        "/openapi.yaml",
                        (req, res) -> send(res, yaml(serverUrl.of(req)), "application/yaml; charset=UTF-8"))
                .get("/openapi.json", (req, res) -> send(res, json(serverUrl.of(req)), "application/json"))
                .get("/swagger-initializer.js", (req, res) -> send(res, initializerJs, "text/javascript"))
                .register(
                        "/swagger-ui",
                        StaticContentService.create("META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion));
    }

    private static void send(ServerResponse res, byte[] body, String contentType) {
        res.header(HeaderValues.create("Content-Type", contentType));
        res.send(body);
    }

    static byte[] resource(String name) {
        try (InputStream in = ApiDocsService.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The packaged YAML, byte for byte, except its servers block. */
    byte[] yaml(String server) {
        return (yamlBeforeServers + "servers:\n  - url: " + server + "\n    description: " + description(server) + "\n"
                        + yamlAfterServers)
                .getBytes(StandardCharsets.UTF_8);
    }

    byte[] json(String server) {
        ObjectNode copy = tree.deepCopy();
        ObjectNode entry = copy.arrayNode().addObject().put("url", server).put("description", description(server));
        copy.putArray("servers").add(entry);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String description(String server) {
        return PublicServerUrl.RELATIVE.equals(server)
                ? "This service, at the address this document was loaded from"
                : "This service";
    }

    private static ObjectNode parse(String yaml) {
        try {
            return (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("The packaged OpenAPI document is not valid YAML", e);
        }
    }
}
