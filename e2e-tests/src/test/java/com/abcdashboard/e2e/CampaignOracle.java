package com.abcdashboard.e2e;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What every answer of the fuzz campaign must be: an answer (not a dropped connection), below 500, what
 * the request's {@link WireRequest.Expectation} says, conforming to the spec ({@link
 * ContractConformance}: the documented response of the operation, and on any error the {@code
 * ErrorResponse} envelope with the correlation id), and free of internals — no stack trace, exception
 * or Java class name — and of headers a request injected.
 */
final class CampaignOracle {
    /** Stack frames, exception names and package-qualified class names. */
    private static final Pattern LEAK = Pattern.compile(
            "Exception|Caused by|\\tat |\\bat [a-z]+\\.[a-z]|\\.java:\\d|StackTrace|NullPointer|IllegalArgument"
                    + "|IllegalState|NumberFormat|ClassCast|IndexOutOfBounds|\\b(?:java|javax|jakarta|com|org|io|de|sun|jdk)"
                    + "\\.[a-z][a-z0-9_]*\\.[A-Za-z]");

    /**
     * Statuses the HTTP layer answers for any route, before or instead of the operation (malformed
     * HTTP, no such route or method, media types, sizes). The spec lists them where the operation itself
     * answers them; wherever they come, they must carry the error envelope.
     */
    private static final Set<Integer> ANY_ROUTE = Set.of(400, 404, 405, 406, 411, 413, 414, 415, 417, 431);

    private static final Set<String> MODELLED_METHODS =
            Arrays.stream(Request.Method.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final ContractConformance conformance;

    CampaignOracle(ContractConformance conformance) {
        this.conformance = conformance;
    }

    List<String> problems(WireRequest request, RawHttp.Answer answer) {
        if (answer.failedAtProtocolLevel()) {
            return List.of("no answer: " + answer.failure());
        }
        List<String> problems = new ArrayList<>();
        int status = answer.status();
        if (status >= 500) {
            problems.add("server error " + status);
        }
        switch (request.expectation()) {
            case REFUSED -> {
                if (status < 400 || status >= 500) {
                    problems.add("expected a 4xx refusal, got " + status);
                }
            }
            case UNAUTHENTICATED -> {
                if (status != 401) {
                    problems.add("expected 401 for a forged or missing credential, got " + status);
                }
            }
            case FIELD_REFUSED -> {
                if (status != 400 || !namesField(answer.bodyText(), request.refusedField())) {
                    problems.add("expected 400 naming the field " + request.refusedField() + ", got " + status);
                }
            }
            case NO_SERVER_ERROR -> {
                // the status check above
            }
        }
        String body = answer.bodyText();
        var leak = LEAK.matcher(body);
        if (leak.find()) {
            problems.add("internals in the body: '" + leak.group() + "'");
        }
        answer.headers().stream()
                .filter(h -> (h[0] + ":" + h[1]).toLowerCase(Locale.ROOT).contains("injected"))
                .forEach(h -> problems.add("an injected header came back: " + h[0] + ": " + h[1]));
        if (status != 101) {
            problems.addAll(conformance(request, answer));
        }
        return problems;
    }

    private static boolean namesField(String body, String field) {
        try {
            return JSON.readTree(body).path("error").path("details").has(field);
        } catch (java.io.IOException notJson) {
            return false;
        }
    }

    private List<String> conformance(WireRequest request, RawHttp.Answer answer) {
        SimpleResponse.Builder response = new SimpleResponse.Builder(answer.status()).withBody(answer.body());
        answer.headers().stream()
                .map(h -> h[0])
                .distinct()
                .forEach(name -> response.withHeader(name, answer.headerValues(name)));
        Response built = response.build();
        String path = routedPath(request.path());
        if (MODELLED_METHODS.contains(request.method())
                && path.startsWith("/")
                && !ANY_ROUTE.contains(answer.status())) {
            try {
                Request modelled = new SimpleRequest.Builder(request.method(), path).build();
                return conformance.answerProblems(modelled, built);
            } catch (RuntimeException unmodellable) {
                // A target the validator cannot parse: fall back to what every answer promises.
            }
        }
        return conformance.problemsOfUndescribable(built, request.method().equals("HEAD"));
    }

    /**
     * The path as the service routes it: without a fragment, without {@code ;parameters} in segments,
     * with dot segments resolved (RFC 3986); as sent when it is no URI at all.
     */
    private static String routedPath(String path) {
        String withoutFragment = path.contains("#") ? path.substring(0, path.indexOf('#')) : path;
        String withoutParameters = withoutFragment.replaceAll(";[^/]*", "");
        try {
            return URI.create("http://service" + withoutParameters).normalize().getRawPath();
        } catch (IllegalArgumentException notAUri) {
            return withoutParameters;
        }
    }
}
