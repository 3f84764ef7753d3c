package com.abcdashboard.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.staticcontent.StaticContentService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The API reference: Swagger UI at {@code /api-docs}, and the spec the service was built from at
 * {@code /api-docs/openapi.yaml} (the bytes of the api-spec artifact, unchanged) and
 * {@code /api-docs/openapi.json} (the same document as JSON).
 */
public final class ApiDocsService implements HttpService {
    /** Where the api-spec artifact keeps the document. */
    public static final String SPEC_RESOURCE = "openapi/abc-dashboard-api.yaml";

    private final byte[] yaml;
    private final byte[] json;
    private final byte[] indexHtml;
    private final byte[] initializerJs;
    private final String swaggerUiVersion;

    public ApiDocsService(String swaggerUiVersion) {
        this.swaggerUiVersion = swaggerUiVersion;
        this.yaml = resource(SPEC_RESOURCE);
        this.json = toJson(yaml);
        this.indexHtml = resource("api-docs/index.html");
        this.initializerJs = resource("api-docs/swagger-initializer.js");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> send(res, indexHtml, "text/html; charset=UTF-8"))
                .get("/openapi.yaml", (req, res) -> send(res, yaml, "application/yaml; charset=UTF-8"))
                .get("/openapi.json", (req, res) -> send(res, json, "application/json"))
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

    private static byte[] toJson(byte[] yaml) {
        try {
            Object tree = new ObjectMapper(new YAMLFactory()).readTree(yaml);
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException("The packaged OpenAPI document is not valid YAML", e);
        }
    }
}
