package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RunningService.class)
class ApiDocsE2ETest {

    private static byte[] specFile() throws Exception {
        return Files.readAllBytes(RunningService.repoDir().resolve("api-spec/src/main/openapi/abc-dashboard-api.yaml"));
    }

    @Test
    void theServedYamlIsTheSpecFileByteForByte() throws Exception {
        byte[] served = Api.plain()
                .get("/api-docs/openapi.yaml")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();

        assertThat(served).isEqualTo(specFile());
    }

    @Test
    void theServedYamlIsTheDocumentPackagedInTheSpecArtifact() throws Exception {
        byte[] packaged;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("openapi/abc-dashboard-api.yaml")) {
            assertThat(in).isNotNull();
            packaged = in.readAllBytes();
        }

        assertThat(Api.plain().get("/api-docs/openapi.yaml").asByteArray()).isEqualTo(packaged);
    }

    @Test
    void theServedJsonIsTheSameDocument() throws Exception {
        JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(specFile());
        String json = Api.plain()
                .get("/api-docs/openapi.json")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .asString();

        assertThat(new ObjectMapper().readTree(json)).isEqualTo(yaml);
    }

    @Test
    void theDocsPageLoadsSwaggerUiPointedAtTheServedSpec() {
        Api.plain()
                .get("/api-docs")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("/api-docs/swagger-ui/swagger-ui-bundle.js"));
        Api.plain()
                .get("/api-docs/swagger-initializer.js")
                .then()
                .statusCode(200)
                .body(containsString("/api-docs/openapi.yaml"));
        for (String asset :
                new String[] {"swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css"}) {
            Api.plain().get("/api-docs/swagger-ui/" + asset).then().statusCode(200);
        }
    }
}
