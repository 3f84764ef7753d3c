package com.abcdashboard.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, one connection per request ({@code Connection: close}), writing the
 * {@link WireRequest} byte for byte. A body larger than {@link #EXPECT_CONTINUE_ABOVE} is announced
 * with {@code Expect: 100-continue}, as curl does: a service that refuses it on its length answers
 * without reading it, so the answer is not lost to a connection reset.
 */
final class RawHttp {
    static final int EXPECT_CONTINUE_ABOVE = 64 * 1024;
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 15_000;
    private static final int CONTINUE_WAIT_MS = 2_000;

    /** The answer, or why there was none ({@code failure}: reset, timeout, no answer). */
    record Answer(int status, List<String[]> headers, byte[] body, String failure) {
        static Answer failed(String why) {
            return new Answer(0, List.of(), new byte[0], why);
        }

        boolean failedAtProtocolLevel() {
            return failure != null;
        }

        Optional<String> header(String name) {
            return first(headers, name);
        }

        List<String> headerValues(String name) {
            return headers.stream()
                    .filter(h -> h[0].equalsIgnoreCase(name))
                    .map(h -> h[1])
                    .toList();
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final URI base;

    /** {@code body} in the chunked transfer coding, {@code size} characters a chunk, with the last chunk. */
    static String chunked(String body, int size) {
        StringBuilder chunks = new StringBuilder();
        for (int i = 0; i < body.length(); i += size) {
            String chunk = body.substring(i, Math.min(body.length(), i + size));
            chunks.append(Integer.toHexString(chunk.length()))
                    .append("\r\n")
                    .append(chunk)
                    .append("\r\n");
        }
        return chunks.append("0\r\n\r\n").toString();
    }

    RawHttp(URI base) {
        this.base = base;
    }

    Answer send(WireRequest request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), CONNECT_TIMEOUT_MS);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            return exchange(socket, request);
        } catch (SocketTimeoutException e) {
            return Answer.failed("timeout");
        } catch (IOException e) {
            return Answer.failed("io: " + e.getMessage());
        }
    }

    private Answer exchange(Socket socket, WireRequest request) throws IOException {
        OutputStream out = socket.getOutputStream();
        InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
        boolean announce = request.framing() == WireRequest.Framing.AUTOMATIC
                && request.body().length > EXPECT_CONTINUE_ABOVE
                && !request.hasHeader("Expect");
        try {
            out.write(head(request, announce));
            out.flush();
        } catch (IOException refusedMidHead) {
            // A head over the limits is refused before it is read to the end: read the refusal.
            return readAnswer(in, request);
        }
        if (announce) {
            socket.setSoTimeout(CONTINUE_WAIT_MS);
            Optional<Answer> early;
            try {
                early = readInterimOrFinal(in, request);
            } catch (SocketTimeoutException noInterimAnswer) {
                early = Optional.empty(); // the server ignores Expect: send the body anyway
            }
            socket.setSoTimeout(READ_TIMEOUT_MS);
            if (early.isPresent()) {
                return early.get();
            }
        }
        try {
            out.write(request.body());
            out.flush();
            // Nothing more comes: a service waiting for bytes a lying Content-Length announced sees the end.
            socket.shutdownOutput();
        } catch (IOException refusedMidBody) {
            // The service may answer and close before reading everything: its answer is still worth reading.
        }
        return readAnswer(in, request);
    }

    private Answer readAnswer(InputStream in, WireRequest request) {
        try {
            return readFinal(in, request);
        } catch (IOException e) {
            return Answer.failed(e instanceof SocketTimeoutException ? "timeout" : "io: " + e.getMessage());
        }
    }

    private byte[] head(WireRequest request, boolean announce) {
        StringBuilder head = new StringBuilder()
                .append(request.method())
                .append(' ')
                .append(request.target())
                .append(" HTTP/1.1\r\n");
        if (request.framing() == WireRequest.Framing.AUTOMATIC) {
            head.append("Host: ")
                    .append(base.getHost())
                    .append(':')
                    .append(base.getPort())
                    .append("\r\n");
            head.append("Connection: close\r\n");
            if (request.body().length > 0 && !request.hasHeader("Content-Length")) {
                head.append("Content-Length: ").append(request.body().length).append("\r\n");
            }
            if (announce) {
                head.append("Expect: 100-continue\r\n");
            }
        }
        request.headerLines().forEach(line -> head.append(line).append("\r\n"));
        head.append("\r\n");
        // Latin-1: every char below 256 becomes that one byte, so a head can carry any raw byte.
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Empty after "100 Continue"; the final answer when the service answered at once. */
    private Optional<Answer> readInterimOrFinal(InputStream in, WireRequest request) throws IOException {
        String statusLine = readLine(in);
        if (statusLine == null) {
            return Optional.of(Answer.failed("closed without an answer"));
        }
        int status = status(statusLine);
        List<String[]> headers = readHeaders(in);
        if (status == 100) {
            return Optional.empty();
        }
        return Optional.of(new Answer(status, headers, readBody(in, request, status, headers), null));
    }

    private Answer readFinal(InputStream in, WireRequest request) throws IOException {
        while (true) {
            String statusLine = readLine(in);
            if (statusLine == null) {
                return Answer.failed("closed without an answer");
            }
            int status = status(statusLine);
            List<String[]> headers = readHeaders(in);
            if (status >= 100 && status < 200 && status != 101) {
                continue; // interim answers; 101 is final (what follows is another protocol)
            }
            return new Answer(status, headers, readBody(in, request, status, headers), null);
        }
    }

    private static int status(String statusLine) throws IOException {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        return Integer.parseInt(parts[1]);
    }

    private static List<String[]> readHeaders(InputStream in) throws IOException {
        List<String[]> headers = new ArrayList<>();
        String line;
        while ((line = readLine(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            headers.add(
                    colon < 0
                            ? new String[] {line, ""}
                            : new String[] {
                                line.substring(0, colon).trim(),
                                line.substring(colon + 1).trim()
                            });
        }
        return headers;
    }

    private static byte[] readBody(InputStream in, WireRequest request, int status, List<String[]> headers)
            throws IOException {
        if ("HEAD".equals(request.method()) || status == 101 || status == 204 || status == 304) {
            return new byte[0];
        }
        Optional<String> length = first(headers, "Content-Length");
        if (length.isPresent()) {
            return in.readNBytes(Integer.parseInt(length.get()));
        }
        if (first(headers, "Transfer-Encoding")
                .map(te -> te.toLowerCase(Locale.ROOT).contains("chunked"))
                .orElse(false)) {
            return readChunks(in);
        }
        return in.readAllBytes();
    }

    private static byte[] readChunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                throw new IOException("chunked body ended early");
            }
            int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
            if (size == 0) {
                readHeaders(in); // trailers
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine(in);
        }
    }

    private static Optional<String> first(List<String[]> headers, String name) {
        return headers.stream()
                .filter(h -> h[0].equalsIgnoreCase(name))
                .map(h -> h[1])
                .findFirst();
    }

    /** One CRLF- (or LF-) terminated line in Latin-1; null at the end of the stream. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
        return line.isEmpty() ? null : line.toString();
    }
}
