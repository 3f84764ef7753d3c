package com.abcdashboard.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns one run directory into {@code latest.json}, {@code latest.md} and {@code latest.png}, and puts the
 * tables into the results section of docs/performance.md (between its two marker comments).
 *
 * <p>Arguments: {@code runDir resultsDir [docsFile]}. Prints the tables; exit status 0 either way (a
 * missed target is a result, not a failure of the tool).
 */
public final class WriteResults {
    static final String BEGIN = "<!-- bench-results:begin -->";
    static final String END = "<!-- bench-results:end -->";

    private WriteResults() {}

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path runDir = Path.of(args[0]);
        Path resultsDir = Path.of(args[1]);
        BenchReport report = BenchReport.load(runDir);
        Files.createDirectories(resultsDir);
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(resultsDir.resolve("latest.json").toFile(), report);
        Files.writeString(resultsDir.resolve("latest.md"), ResultsMarkdown.document(report), StandardCharsets.UTF_8);
        ResultsChart.write(report, resultsDir.resolve("latest.png"));
        if (args.length > 2) {
            Path docs = Path.of(args[2]);
            String before = Files.readString(docs, StandardCharsets.UTF_8);
            Files.writeString(docs, replaceSection(before, ResultsMarkdown.tables(report)), StandardCharsets.UTF_8);
        }
        System.out.print(ResultsMarkdown.tables(report));
    }

    /** The document with the text between the markers replaced; unchanged markers, refused if absent. */
    static String replaceSection(String document, String section) {
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("The document has no " + BEGIN + " ... " + END + " section");
        }
        return document.substring(0, begin + BEGIN.length()) + "\n" + section + document.substring(end);
    }
}
