package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.ConsoleRender;

/**
 * The breaking-change gate (openapi-diff): the spec must stay backward compatible with the last
 * release of its major version, kept as {@code api-spec/released/abc-dashboard-api-v<major>.yaml}. A
 * deliberate breaking change bumps {@code info.version} to a new major and adds that major's baseline
 * when it is released. The diff is printed either way.
 *
 * <p>One rule is ours, not openapi-diff's: a schema the current spec marks {@code x-extensible-enum: true}
 * (an open set clients must tolerate, such as the audit actions) may gain values in a minor version. Such
 * additions are taken into the baseline before the comparison; a removed or renamed value still breaks.
 */
class BreakingChangeGateTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theSpecIsBackwardCompatibleWithTheLastReleaseOfItsMajorVersion() throws Exception {
        Path current = RunningService.specFile();
        String major = majorVersion(current);
        Path released = RunningService.repoDir().resolve("api-spec/released/abc-dashboard-api-v" + major + ".yaml");
        assertThat(released)
                .as("the released baseline of major version %s (a new major starts its own baseline)", major)
                .exists();

        Path baseline = withExtensibleEnumsOf(current, released);
        ChangedOpenApi diff = OpenApiCompare.fromLocations(baseline.toString(), current.toString());
        String report = render(diff);
        System.out.println("openapi-diff " + released.getFileName() + " -> current spec:\n" + report);

        assertThat(diff.isIncompatible())
                .as(
                        "breaking changes against %s (bump info.version to a new major to make them):%n%s",
                        released.getFileName(), report)
                .isFalse();
    }

    @Test
    void anExtensibleEnumMayGainValuesButNotLoseThem() throws Exception {
        Path released = write("""
                openapi: 3.0.3
                info: {title: t, version: 1.0.0}
                paths: {}
                components:
                  schemas:
                    Action: {type: string, enum: [a, b]}
                    Closed: {type: string, enum: [x]}
                """);
        Path grown = write("""
                openapi: 3.0.3
                info: {title: t, version: 1.1.0}
                paths: {}
                components:
                  schemas:
                    Action: {type: string, x-extensible-enum: true, enum: [a, b, c]}
                    Closed: {type: string, enum: [x, y]}
                """);
        Path shrunk = write("""
                openapi: 3.0.3
                info: {title: t, version: 1.1.0}
                paths: {}
                components:
                  schemas:
                    Action: {type: string, x-extensible-enum: true, enum: [a, c]}
                    Closed: {type: string, enum: [x]}
                """);

        assertThat(enumOf(withExtensibleEnumsOf(grown, released), "Action")).containsExactly("a", "b", "c");
        assertThat(enumOf(withExtensibleEnumsOf(grown, released), "Closed")).containsExactly("x");
        assertThat(enumOf(withExtensibleEnumsOf(shrunk, released), "Action")).containsExactly("a", "b");
    }

    /**
     * The released baseline with every enum that the current spec marks extensible, and that only grew,
     * replaced by the current values; written to a temporary file for openapi-diff.
     */
    static Path withExtensibleEnumsOf(Path current, Path released) throws Exception {
        JsonNode now = YAML.readTree(current.toFile());
        ObjectNode baseline = (ObjectNode) YAML.readTree(released.toFile());
        JsonNode schemas = now.path("components").path("schemas");
        JsonNode before = baseline.path("components").path("schemas");
        for (var names = schemas.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode schema = schemas.get(name);
            if (schema.path("x-extensible-enum").asBoolean(false)
                    && before.path(name).path("enum").isArray()
                    && values(schema.path("enum"))
                            .containsAll(values(before.path(name).path("enum")))) {
                ((ObjectNode) before.get(name)).set("enum", schema.get("enum").deepCopy());
            }
        }
        Path patched = Files.createTempFile("released-baseline-", ".yaml");
        patched.toFile().deleteOnExit();
        YAML.writeValue(patched.toFile(), baseline);
        return patched;
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<String> enumOf(Path spec, String schema) throws Exception {
        return values(YAML.readTree(spec.toFile())
                .path("components")
                .path("schemas")
                .path(schema)
                .path("enum"));
    }

    private static Path write(String yaml) throws Exception {
        Path file = Files.createTempFile("spec-", ".yaml");
        file.toFile().deleteOnExit();
        return Files.writeString(file, yaml);
    }

    private static String majorVersion(Path spec) throws Exception {
        String version = YAML.readTree(Files.readString(spec))
                .path("info")
                .path("version")
                .asText();
        return version.split("\\.")[0];
    }

    private static String render(ChangedOpenApi diff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            new ConsoleRender().render(diff, writer);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
