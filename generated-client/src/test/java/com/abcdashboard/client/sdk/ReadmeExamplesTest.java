package com.abcdashboard.client.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's Java examples are the code ReadmeExamples compiles, line for line, in order. */
class ReadmeExamplesTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    private static List<String> codeLines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    @Test
    void everyJavaLineOfTheReadmeIsCompiledInReadmeExamples() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<String> readmeLines = new ArrayList<>();
        JAVA_BLOCK.matcher(readme).results().forEach(block -> readmeLines.addAll(codeLines(block.group(1))));
        List<String> compiled =
                codeLines(Files.readString(Path.of("src/test/java/com/abcdashboard/client/sdk/ReadmeExamples.java")));

        assertThat(readmeLines).as("java lines in README.md").hasSizeGreaterThan(20);
        assertThat(compiled).containsSubsequence(readmeLines);
    }
}
