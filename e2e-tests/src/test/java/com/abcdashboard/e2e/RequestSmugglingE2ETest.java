package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The classic request smuggling and desync shapes, written byte for byte on a connection the client keeps
 * open (no half-close, unlike {@link RawHttp}): whatever the framing, the service answers once with an
 * error envelope and {@code Connection: close}, closes within the request timeout ({@code
 * REQUEST_TIMEOUT}, 2 s in {@code env/test.env}), and never executes the request hidden in the body — each
 * hides a registration whose account must not exist afterwards.
 */
@ExtendWith(RunningService.class)
class RequestSmugglingE2ETest {
    /** REQUEST_TIMEOUT of env/test.env, plus room for a loaded machine. */
    private static final Duration CLOSED_WITHIN = Duration.ofSeconds(6);

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");
    private static final String LOGIN =
            "POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\n" + "Content-Type: application/json\r\n";

    @Test
    void aChunkedBodyOverTheLimitIsRefusedOnceAndItsRestIsNeverReadAsARequest() {
        String email = Team.uniqueEmail("smuggled");
        String big = "{\"email\":\"" + "a".repeat(120_000) + "\"}";
        Exchange exchange = send(LOGIN + "Transfer-Encoding: chunked\r\n\r\n"
                + RawHttp.chunked(big + hiddenRegistration(email), 16 * 1024) + hiddenRegistration(email));

        exchange.assertOneRefusalThenClosed(413);
        assertNoAccount(email);
    }

    @Test
    void aChunkedBodyOverTheLimitWithTheRequestHiddenInsideAChunkIsNeverExecuted() {
        String email = Team.uniqueEmail("smuggled");
        String hidden = hiddenRegistration(email);
        String filler = "x".repeat(120_000);
        String chunks = Integer.toHexString(filler.length()) + "\r\n" + filler + "\r\n"
                + Integer.toHexString(hidden.length()) + "\r\n" + hidden + "\r\n0\r\n\r\n";
        Exchange exchange = send(LOGIN + "Transfer-Encoding: chunked\r\n\r\n" + chunks);

        exchange.assertOneRefusalThenClosed(413);
        assertNoAccount(email);
    }

    @Test
    void contentLengthWithTransferEncodingIsRefusedAndClosed() {
        String email = Team.uniqueEmail("smuggled");
        // CL.TE: a front end going by Content-Length forwards all of it; TE.CL: one going by chunks.
        Exchange clTe = send(
                LOGIN + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + hiddenRegistration(email));
        Exchange teCl = send(LOGIN + "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n"
                + Integer.toHexString(hiddenRegistration(email).length()) + "\r\n" + hiddenRegistration(email)
                + "\r\n0\r\n\r\n");

        clTe.assertOneRefusalThenClosed(400);
        teCl.assertOneRefusalThenClosed(400);
        assertNoAccount(email);
    }

    @Test
    void obfuscatedTransferEncodingsAreRefusedAndClosed() {
        String email = Team.uniqueEmail("smuggled");
        List<String> obfuscations = List.of(
                "Transfer-Encoding: xchunked",
                "Transfer-Encoding : chunked",
                "Transfer-Encoding: chunked\r\nTransfer-Encoding: identity",
                "Transfer-Encoding: chunked, identity",
                "Transfer-Encoding: identity, chunked",
                "Transfer-Encoding: chunked\u000b",
                "Transfer-Encoding:\tchunked\u000c",
                "Transfer-Encoding: \"chunked\"",
                "Transfer_Encoding: chunked\r\nContent-Length: 4",
                " Transfer-Encoding: chunked",
                "X: y\r\n Transfer-Encoding: chunked");
        for (String header : obfuscations) {
            Exchange exchange = send(LOGIN + header + "\r\n\r\n0\r\n\r\n" + hiddenRegistration(email));
            exchange.as(header).assertOneRefusalThenClosed(400);
        }
        assertNoAccount(email);
    }

    @Test
    void ambiguousContentLengthsAreRefusedAndClosed() {
        String email = Team.uniqueEmail("smuggled");
        for (String lengths :
                List.of("Content-Length: 2\r\nContent-Length: 9", "Content-Length: 2, 2", "Content-Length: +2")) {
            Exchange exchange = send(LOGIN + lengths + "\r\n\r\n{}" + hiddenRegistration(email));
            exchange.as(lengths).assertOneRefusalThenClosed(400);
        }
        assertNoAccount(email);
    }

    @Test
    void aMalformedChunkIsRefusedAndClosedAtOnce() {
        String email = Team.uniqueEmail("smuggled");
        for (String chunks : List.of("zz\r\n{}\r\n0\r\n\r\n", "-2\r\n{}\r\n0\r\n\r\n", "ffffffffffffffff\r\n{}\r\n")) {
            Exchange exchange = send(LOGIN + "Transfer-Encoding: chunked\r\n\r\n" + chunks + hiddenRegistration(email));
            exchange.as(chunks).assertOneRefusalThenClosed(400);
        }
        assertNoAccount(email);
    }

    @Test
    void aBodyShorterThanItsContentLengthIsRefusedAndClosedWithinTheRequestTimeout() {
        Exchange shortBody = send(LOGIN + "Content-Length: 100\r\n\r\n{\"email\":");
        Exchange stalledChunks = send(LOGIN + "Transfer-Encoding: chunked\r\n\r\n3\r\n{\"e\r\n");

        shortBody.assertOneRefusalThenClosed(400);
        stalledChunks.assertOneRefusalThenClosed(400);
        assertThat(shortBody.envelope()).contains("\"category\":\"VALIDATION\"");
    }

    @Test
    void aRequestInsideABodyIsNeverExecutedWhateverTheRouteAnswers() {
        String email = Team.uniqueEmail("smuggled");
        String hidden = hiddenRegistration(email);
        // No route reads this body: it is read (and dropped) all the same, so its content stays a body.
        Exchange exchange = send("POST /api/v1/no-such-route HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(hidden.length()) + "\r\n" + hidden + "\r\n0\r\n\r\n");

        assertThat(exchange.statuses()).containsExactly(404);
        assertNoAccount(email);
    }

    @Test
    void aBodyReadInFullKeepsTheConnectionForTheNextRequest() {
        // Pipelining after a well-framed body still works: what follows it is a request.
        Exchange pipelined = send(LOGIN + "Content-Length: 2\r\n\r\n{}" + "GET /api/v1/health HTTP/1.1\r\n"
                + "Host: localhost\r\nConnection: close\r\n\r\n");

        assertThat(pipelined.statuses()).containsExactly(400, 200);
    }

    private static String hiddenRegistration(String email) {
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + Accounts.PASSWORD
                + "\",\"firstName\":\"Smug\",\"lastName\":\"Gled\"}";
        return "POST /api/v1/auth/register HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    /** Registering the address now succeeds (201, not 409): the hidden registration never ran. */
    private static void assertNoAccount(String email) {
        Accounts.register(email, Accounts.PASSWORD).then().statusCode(201);
    }

    /** Everything the service wrote until it closed (or the wait ran out), and how long that took. */
    private record Exchange(String label, String received, Duration elapsed, boolean closed) {
        Exchange as(String newLabel) {
            return new Exchange(newLabel, received, elapsed, closed);
        }

        List<Integer> statuses() {
            List<Integer> statuses = new ArrayList<>();
            Matcher m = STATUS_LINE.matcher(received);
            while (m.find()) {
                statuses.add(Integer.parseInt(m.group(1)));
            }
            return statuses;
        }

        String envelope() {
            int start = received.indexOf("\r\n\r\n");
            return start < 0 ? "" : received.substring(start + 4);
        }

        void assertOneRefusalThenClosed(int status) {
            assertThat(statuses()).as(label + ": the answers").containsExactly(status);
            assertThat(received).as(label + ": closing").containsIgnoringCase("\r\nConnection: close\r\n");
            assertThat(envelope()).as(label + ": the envelope").contains("\"success\":false");
            assertThat(closed).as(label + ": the service closed the connection").isTrue();
            assertThat(elapsed).as(label + ": closed within").isLessThan(CLOSED_WITHIN);
        }
    }

    private static Exchange send(String request) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(
                    RunningService.baseUri().getHost(), RunningService.baseUri().getPort()));
            socket.setSoTimeout((int) CLOSED_WITHIN.multipliedBy(2).toMillis());
            try {
                socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
            } catch (IOException refusedWhileWriting) {
                // The service may answer and close before taking everything: its answer is still there.
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            boolean closed;
            try {
                in.transferTo(received);
                closed = true;
            } catch (SocketTimeoutException stillOpen) {
                closed = false;
            } catch (IOException reset) {
                closed = true; // a reset after the answer (unread bytes in the service's buffer) is a close
            }
            return new Exchange(
                    request.lines().findFirst().orElse(""),
                    received.toString(StandardCharsets.ISO_8859_1),
                    Duration.ofNanos(System.nanoTime() - start),
                    closed);
        } catch (IOException e) {
            throw new IllegalStateException("No connection to the service", e);
        }
    }
}
