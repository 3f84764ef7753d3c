package com.abcdashboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The served spec is the packaged one with only its servers entry replaced. */
class ApiDocsServiceTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final ApiDocsService docs =
            new ApiDocsService("unused", new PublicServerUrl(Optional.empty(), new ClientAddress(List.of())));

    private static ObjectNode packaged() throws IOException {
        return (ObjectNode) YAML.readTree(ApiDocsService.resource(ApiDocsService.SPEC_RESOURCE));
    }

    @Test
    void theYamlDiffersFromThePackagedDocumentOnlyInItsServers() throws IOException {
        ObjectNode served = (ObjectNode) YAML.readTree(docs.yaml("https://api.example.com"));

        assertThat(served.get("servers").get(0).get("url").asText()).isEqualTo("https://api.example.com");
        assertThat(served.get("servers").size()).isEqualTo(1);
        JsonNode servedRest = served.without("servers");
        JsonNode packagedRest = packaged().without("servers");
        assertThat(servedRest).isEqualTo(packagedRest);
    }

    @Test
    void theYamlKeepsThePackagedTextOutsideTheServersBlock() {
        String packaged = new String(ApiDocsService.resource(ApiDocsService.SPEC_RESOURCE), StandardCharsets.UTF_8);
        String served = new String(docs.yaml("/"), StandardCharsets.UTF_8);

        assertThat(served.lines().filter(line -> !packaged.contains(line)))
                .containsExactly(
                        "  - url: /", "    description: This service, at the address this document was loaded from");
    }

    @Test
    void theJsonIsTheSameDocumentAsTheYaml() throws IOException {
        JsonNode json = new ObjectMapper().readTree(docs.json("/"));

        assertThat(json).isEqualTo(YAML.readTree(docs.yaml("/")));
    }
}
