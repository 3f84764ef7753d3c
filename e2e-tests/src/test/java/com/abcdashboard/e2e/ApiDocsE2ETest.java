package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The served API reference: Swagger UI and the spec itself, as committed and packaged except for its
 * {@code servers} entry, which names the address the page was loaded from ({@code /}) unless
 * {@code PUBLIC_URL} is set.
 */
@ExtendWith(RunningService.class)
class ApiDocsE2ETest {
    private static final Pattern LOCAL_REFERENCE = Pattern.compile("(?:src|href)=\"(/api-docs/[^\"]+)\"");

    private static byte[] specFile() throws IOException {
        return Files.readAllBytes(RunningService.specFile());
    }

    private static byte[] specInTheApiSpecArtifact() throws IOException {
        try (InputStream in =
                ApiDocsE2ETest.class.getClassLoader().getResourceAsStream("openapi/abc-dashboard-api.yaml")) {
            assertThat(in).as("openapi/abc-dashboard-api.yaml on the classpath").isNotNull();
            return in.readAllBytes();
        }
    }

    private static byte[] servedYaml() {
        return Api.given()
                .get("/api-docs/openapi.yaml")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/yaml"))
                .extract()
                .asByteArray();
    }

    /** The top-level servers block: the one part rewritten at serve time. */
    private static final Pattern SERVERS_BLOCK = Pattern.compile("(?m)^servers:\\R(?:[ \\t].*\\R|\\R)*");

    private static String withoutServers(byte[] yaml) {
        return SERVERS_BLOCK.matcher(new String(yaml, StandardCharsets.UTF_8)).replaceFirst("");
    }

    @Test
    void theServedYamlIsTheSpecFileByteForByteExceptItsServers() throws IOException {
        assertThat(withoutServers(servedYaml())).isEqualTo(withoutServers(specFile()));
    }

    @Test
    void theServedYamlIsTheDocumentPackagedInTheSpecArtifactExceptItsServers() throws IOException {
        assertThat(withoutServers(servedYaml())).isEqualTo(withoutServers(specInTheApiSpecArtifact()));
    }

    @Test
    void theServedServerIsTheAddressThePageWasLoadedFrom() throws IOException {
        JsonNode servers =
                new ObjectMapper(new YAMLFactory()).readTree(servedYaml()).get("servers");

        assertThat(servers.size()).isEqualTo(1);
        assertThat(servers.get(0).get("url").asText()).isEqualTo("/");
    }

    @Test
    void forwardedHeadersFromAPeerThatIsNoTrustedProxyDoNotChooseTheServer() throws IOException {
        byte[] yaml = Api.given()
                .header("X-Forwarded-Host", "attacker.example")
                .header("X-Forwarded-Proto", "https")
                .get("/api-docs/openapi.yaml")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();

        JsonNode servers = new ObjectMapper(new YAMLFactory()).readTree(yaml).get("servers");
        assertThat(servers.get(0).get("url").asText()).isEqualTo("/");
    }

    @Test
    void theServedJsonIsTheSameDocumentAsTheYaml() throws IOException {
        JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(servedYaml());

        String json = Api.given()
                .get("/api-docs/openapi.json")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .asString();

        assertThat(new ObjectMapper().readTree(json)).isEqualTo(yaml);
    }

    @Test
    void theDocsPageIsSwaggerUiPointedAtTheServedSpec() {
        String page = Api.given()
                .get("/api-docs")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .extract()
                .asString();

        assertThat(page).contains("id=\"swagger-ui\"").contains("/api-docs/swagger-ui/swagger-ui-bundle.js");
        Api.given()
                .get("/api-docs/swagger-initializer.js")
                .then()
                .statusCode(200)
                .body(containsString("/api-docs/openapi.yaml"));
    }

    @Test
    void everyAssetTheDocsPageReferencesLoads() {
        String page =
                Api.given().get("/api-docs").then().statusCode(200).extract().asString();

        List<String> assets =
                LOCAL_REFERENCE.matcher(page).results().map(m -> m.group(1)).toList();

        assertThat(assets)
                .as("scripts and styles the page loads")
                .contains(
                        "/api-docs/swagger-ui/swagger-ui.css",
                        "/api-docs/swagger-ui/swagger-ui-bundle.js",
                        "/api-docs/swagger-ui/swagger-ui-standalone-preset.js",
                        "/api-docs/swagger-initializer.js");
        assertThat(assets)
                .allSatisfy(asset -> assertThat(Api.given()
                                .get(asset)
                                .then()
                                .statusCode(200)
                                .extract()
                                .asByteArray())
                        .as(asset)
                        .isNotEmpty());
    }
}
