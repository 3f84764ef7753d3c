package com.abcdashboard.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The little of HTTP/1.1 a load generator needs: a GET request as bytes, and where the first complete
 * response in a buffer ends (Content-Length or chunked body), with its status. Works on whatever bytes
 * have arrived so far: an incomplete response is reported as such, to be tried again with more.
 */
final class Http1Framing {
    private static final int NOT_FOUND = -1;

    /** A complete response at the start of the buffer: its length in bytes and its status. */
    record Frame(int length, int status, boolean close) {}

    private Http1Framing() {}

    /** A GET with the given extra header lines ("Name: value"). */
    static byte[] get(String host, int port, String pathAndQuery, Iterable<String> headers) {
        StringBuilder request = new StringBuilder()
                .append("GET ")
                .append(pathAndQuery)
                .append(" HTTP/1.1\r\nHost: ")
                .append(host)
                .append(':')
                .append(port)
                .append("\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        return request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * The first response in {@code buffer[0, length)}, or null while it is incomplete.
     *
     * @throws IOException when the bytes are not an HTTP/1.x response
     */
    static Frame frame(byte[] buffer, int length) throws IOException {
        int headEnd = indexOf(buffer, 0, length, "\r\n\r\n");
        if (headEnd == NOT_FOUND) {
            if (length >= 5 && !startsWith(buffer, "HTTP/")) {
                throw new IOException("Not an HTTP/1.x response");
            }
            return null;
        }
        String head = new String(buffer, 0, headEnd, StandardCharsets.ISO_8859_1);
        if (!head.startsWith("HTTP/1.") || head.length() < 12) {
            throw new IOException("Not an HTTP/1.x response");
        }
        int status = Integer.parseInt(head.substring(9, 12));
        long contentLength = 0;
        boolean chunked = false;
        boolean close = false;
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> close = value.equals("close");
                default -> {}
            }
        }
        int bodyStart = headEnd + 4;
        int end = chunked
                ? chunkedEnd(buffer, bodyStart, length)
                : (int) Math.min(Integer.MAX_VALUE, bodyStart + contentLength);
        return end == NOT_FOUND || end > length ? null : new Frame(end, status, close);
    }

    /** Where a chunked body starting at {@code from} ends (after its trailers), or NOT_FOUND. */
    private static int chunkedEnd(byte[] buffer, int from, int length) throws IOException {
        int position = from;
        while (true) {
            int lineEnd = indexOf(buffer, position, length, "\r\n");
            if (lineEnd == NOT_FOUND) {
                return NOT_FOUND;
            }
            String sizeLine = new String(buffer, position, lineEnd - position, StandardCharsets.ISO_8859_1);
            int extension = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("Bad chunk size", e);
            }
            position = lineEnd + 2;
            if (size == 0) {
                // Trailers, if any, then an empty line.
                while (true) {
                    int trailerEnd = indexOf(buffer, position, length, "\r\n");
                    if (trailerEnd == NOT_FOUND) {
                        return NOT_FOUND;
                    }
                    if (trailerEnd == position) {
                        return position + 2;
                    }
                    position = trailerEnd + 2;
                }
            }
            position += (int) size + 2;
            if (position > length) {
                return NOT_FOUND;
            }
        }
    }

    private static int indexOf(byte[] buffer, int from, int length, String text) {
        byte[] needle = text.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = from; i <= length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (buffer[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return NOT_FOUND;
    }

    private static boolean startsWith(byte[] buffer, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (buffer[i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
