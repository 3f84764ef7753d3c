package com.abcdashboard.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection that sends a prepared request and reads the whole response
 * (Content-Length or chunked body), the minimum a load generator needs. The body is read and dropped.
 */
final class Http1Connection implements Closeable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private boolean reusable = true;

    private Http1Connection(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    static Http1Connection open(InetSocketAddress address, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) timeout.toMillis());
            socket.connect(address, (int) timeout.toMillis());
            return new Http1Connection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** A GET with the given extra header lines ("Name: value"), as bytes ready to send. */
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

    /** Sends the request and reads the response; returns its status code. */
    int exchange(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        return readResponse(in, this);
    }

    /** False once the server said it closes the connection. */
    boolean reusable() {
        return reusable;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    static int readResponse(InputStream in, Http1Connection connection) throws IOException {
        String statusLine = readLine(in);
        if (!statusLine.startsWith("HTTP/1.")) {
            throw new IOException("Not an HTTP/1.x response: " + abbreviate(statusLine));
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" ->
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> {
                    if (connection != null && value.equalsIgnoreCase("close")) {
                        connection.reusable = false;
                    }
                }
                default -> {}
            }
        }
        if (chunked) {
            skipChunked(in);
        } else if (contentLength > 0) {
            skip(in, contentLength);
        }
        return status;
    }

    private static void skipChunked(InputStream in) throws IOException {
        while (true) {
            String sizeLine = readLine(in);
            int extension = sizeLine.indexOf(';');
            long size = Long.parseLong((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
            if (size == 0) {
                // Trailers, if any, end with an empty line.
                while (!readLine(in).isEmpty()) {
                    // skip
                }
                return;
            }
            skip(in, size);
            readLine(in); // the CRLF after each chunk
        }
    }

    private static void skip(InputStream in, long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("Connection closed inside a response body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                int size = line.size();
                byte[] bytes = line.toByteArray();
                int end = size > 0 && bytes[size - 1] == '\r' ? size - 1 : size;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        throw new EOFException("Connection closed inside a response head");
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
