package com.abcdashboard.bench.libs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in front of a Redis server that counts the commands its clients send (the round trips a
 * synchronous caller waits for), and can cut every connection and refuse new ones for a while: a Redis
 * that went away, as its clients see it, without touching the server other processes share.
 */
final class RespCountingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final String host;
    private final int port;
    private final AtomicLong commands = new AtomicLong();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    RespCountingProxy(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("resp-proxy-accept").start(this::accept);
    }

    /** The URL clients connect to instead of the server's. */
    String url() {
        return "redis://127.0.0.1:" + server.getLocalPort();
    }

    /** Commands sent through the proxy so far. */
    long commands() {
        return commands.get();
    }

    /** Closes every connection and refuses new ones until {@link #restore()}. */
    void cut() {
        cut = true;
        for (Socket socket : Set.copyOf(open)) {
            closeQuietly(socket);
        }
    }

    void restore() {
        cut = false;
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            if (cut) {
                closeQuietly(client);
                continue;
            }
            try {
                Socket redis = new Socket(host, port);
                client.setTcpNoDelay(true);
                redis.setTcpNoDelay(true);
                open.add(client);
                open.add(redis);
                CommandCounter counter = new CommandCounter();
                Thread.ofVirtual().start(() -> pump(client, redis, counter));
                Thread.ofVirtual().start(() -> pump(redis, client, null));
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to, CommandCounter counter) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (counter != null) {
                    commands.addAndGet(counter.feed(buffer, n));
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // One side went away (or was cut): the other goes too, as a dropped TCP connection would.
        } finally {
            open.remove(from);
            open.remove(to);
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    @Override
    public void close() {
        closeQuietly(server);
        cut();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing what is already gone
        }
    }

    /**
     * Counts the commands in a client's byte stream, however it is split into reads: every command is a
     * RESP array of bulk strings ({@code *N}, then N times {@code $len} and len bytes), or an inline line.
     */
    static final class CommandCounter {
        private final StringBuilder line = new StringBuilder();
        /** Bulk strings still to come in the current command. */
        private long bulksLeft;
        /** Bytes of the current bulk string (with its CRLF) still to skip. */
        private long skip;

        long feed(byte[] bytes, int length) {
            long count = 0;
            int i = 0;
            while (i < length) {
                if (skip > 0) {
                    int take = (int) Math.min(skip, length - i);
                    skip -= take;
                    i += take;
                    continue;
                }
                byte c = bytes[i++];
                if (c != '\n') {
                    if (c != '\r') {
                        line.append((char) c);
                    }
                    continue;
                }
                String header = line.toString();
                line.setLength(0);
                if (bulksLeft == 0) {
                    if (header.startsWith("*")) {
                        bulksLeft = Long.parseLong(header.substring(1));
                        count++;
                    } else if (!header.isBlank()) {
                        count++;
                    }
                } else if (header.startsWith("$")) {
                    skip = Long.parseLong(header.substring(1)) + 2;
                    bulksLeft--;
                }
            }
            return count;
        }
    }
}
