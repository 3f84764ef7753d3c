package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.ConsoleRender;

/**
 * The breaking-change gate (openapi-diff): the spec must stay backward compatible with the last
 * release of its major version, kept as {@code api-spec/released/abc-dashboard-api-v<major>.yaml}. A
 * deliberate breaking change bumps {@code info.version} to a new major and adds that major's baseline
 * when it is released. The diff is printed either way.
 */
class BreakingChangeGateTest {

    @Test
    void theSpecIsBackwardCompatibleWithTheLastReleaseOfItsMajorVersion() throws Exception {
        Path current = RunningService.specFile();
        String major = majorVersion(current);
        Path released = RunningService.repoDir().resolve("api-spec/released/abc-dashboard-api-v" + major + ".yaml");
        assertThat(released)
                .as("the released baseline of major version %s (a new major starts its own baseline)", major)
                .exists();

        ChangedOpenApi diff = OpenApiCompare.fromLocations(released.toString(), current.toString());
        String report = render(diff);
        System.out.println("openapi-diff " + released.getFileName() + " -> current spec:\n" + report);

        assertThat(diff.isIncompatible())
                .as(
                        "breaking changes against %s (bump info.version to a new major to make them):%n%s",
                        released.getFileName(), report)
                .isFalse();
    }

    private static String majorVersion(Path spec) throws Exception {
        String version = new ObjectMapper(new YAMLFactory())
                .readTree(Files.readString(spec))
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
