package com.abcdashboard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator: GET requests at a fixed rate, whatever the server's latency, with
 * latency counted from the moment each request was <em>due</em> (wrk2's method). A closed-loop tool like
 * wrk sends the next request only after the last answer, so a server that stalls is simply asked less
 * and its stall shows up as one slow sample ("coordinated omission"); here every request that waited
 * behind a stall carries the wait in its latency.
 *
 * <p>{@code connections} keep-alive connections share the rate: connection {@code i} sends request
 * {@code k} at {@code start + i/rate + k*connections/rate}. A connection still waiting for an answer when
 * its next request is due sends that request as soon as the answer is in, and the wait counts in its
 * latency. Requests due during the warm-up are sent but not recorded. Two threads drive every connection
 * (a sender and a selector), so the generator's own CPU per request stays close to wrk's. Prints one JSON
 * object.
 *
 * <p>Options: {@code --url URL --rate R --duration S [--warmup S] [--connections N] [--timeout S]
 * [--header "Name: value"]...}
 */
public final class ConstantRateLoad {

    record Options(
            URI url,
            double rate,
            Duration warmup,
            Duration duration,
            int connections,
            Duration timeout,
            List<String> headers) {

        static Options parse(String... args) {
            URI url = null;
            double rate = 0;
            Duration warmup = Duration.ZERO;
            Duration duration = null;
            int connections = 8;
            Duration timeout = Duration.ofSeconds(10);
            List<String> headers = new ArrayList<>();
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("No value after " + args[i]);
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--url" -> url = URI.create(value);
                    case "--rate" -> rate = Double.parseDouble(value);
                    case "--warmup" -> warmup = seconds(value);
                    case "--duration" -> duration = seconds(value);
                    case "--connections" -> connections = Integer.parseInt(value);
                    case "--timeout" -> timeout = seconds(value);
                    case "--header" -> headers.add(value);
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
            }
            if (url == null || rate <= 0 || duration == null || connections < 1) {
                throw new IllegalArgumentException("--url, --rate > 0 and --duration are required");
            }
            return new Options(url, rate, warmup, duration, connections, timeout, List.copyOf(headers));
        }

        private static Duration seconds(String value) {
            return Duration.ofNanos((long) (Double.parseDouble(value) * 1e9));
        }
    }

    /**
     * What one run measured; latencies of the recorded (post-warm-up) requests only. {@code
     * generatorCpuPercent}: this JVM's CPU during the run, in percent of all cores.
     */
    public record Result(
            double targetRate,
            double achievedRate,
            int connections,
            double seconds,
            long requests,
            long non2xx,
            long socketErrors,
            double generatorCpuPercent,
            Latencies latency) {

        String toJson() {
            return String.format(
                    Locale.ROOT,
                    "{\"targetRate\":%.1f,\"achievedRate\":%.1f,\"connections\":%d,\"seconds\":%.3f,"
                            + "\"requests\":%d,\"non2xx\":%d,\"socketErrors\":%d,\"generatorCpuPercent\":%.1f,"
                            + "\"latencyMs\":{\"p50\":%.3f,"
                            + "\"p90\":%.3f,\"p99\":%.3f,\"p999\":%.3f,\"max\":%.3f,\"mean\":%.3f}}",
                    targetRate,
                    achievedRate,
                    connections,
                    seconds,
                    requests,
                    non2xx,
                    socketErrors,
                    generatorCpuPercent,
                    latency.p50(),
                    latency.p90(),
                    latency.p99(),
                    latency.p999(),
                    latency.max(),
                    latency.mean());
        }
    }

    private ConstantRateLoad() {}

    public static void main(String[] args) throws InterruptedException {
        System.out.println(run(Options.parse(args)).toJson());
    }

    static Result run(Options options) throws InterruptedException {
        URI url = options.url();
        int port = url.getPort() > 0 ? url.getPort() : 80;
        InetSocketAddress address = new InetSocketAddress(url.getHost(), port);
        String pathAndQuery = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        byte[] request = Http1Framing.get(url.getHost(), port, pathAndQuery, options.headers());

        long interval = (long) (1e9 / options.rate());
        long start = System.nanoTime() + Duration.ofMillis(100).toNanos();
        long recordFrom = start + options.warmup().toNanos();
        long end = recordFrom + options.duration().toNanos();
        Schedule schedule = new Schedule(start, interval, options.connections(), recordFrom, end);
        Recorder recorder;
        long cpuBefore = processCpuNanos();
        long wallBefore = System.nanoTime();
        try (Loop loop = new Loop(address, request, options.timeout(), schedule)) {
            recorder = loop.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Load generation failed: " + e.getMessage(), e);
        }
        double cpuPercent = 100.0
                * (processCpuNanos() - cpuBefore)
                / (System.nanoTime() - wallBefore)
                / Runtime.getRuntime().availableProcessors();
        double seconds = options.duration().toNanos() / 1e9;
        long[] latencies = recorder.latencies();
        return new Result(
                options.rate(),
                latencies.length / seconds,
                options.connections(),
                seconds,
                recorder.requests,
                recorder.non2xx,
                recorder.socketErrors,
                cpuPercent,
                Latencies.of(latencies));
    }

    /** CPU time of this JVM so far: the generator's own cost, reported next to its results. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** When each connection's requests are due, and which of them are recorded. */
    record Schedule(long start, long interval, int connections, long recordFrom, long end) {
        long first(int connection) {
            return start + connection * interval;
        }

        long period() {
            return interval * connections;
        }
    }

    /** Counts of the recorded requests and their latencies (nanoseconds from the due time). */
    static final class Recorder {
        private long[] latencies = new long[4096];
        private int count;
        private long requests;
        private long non2xx;
        private long socketErrors;

        synchronized void answered(long latency, int status) {
            requests++;
            if (status < 200 || status > 299) {
                non2xx++;
            }
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = latency;
        }

        synchronized void failed() {
            requests++;
            socketErrors++;
        }

        synchronized long[] latencies() {
            return Arrays.copyOf(latencies, count);
        }
    }

    /**
     * Two threads drive every connection. The sender parks until the next request is due on an idle
     * connection and writes it (a parked thread wakes within tens of microseconds; a selector timeout only
     * within a millisecond). The reader waits on a selector for answers, times each when its last byte is
     * in, and, when the connection's next request is already overdue, writes that one at once. So a
     * request leaves when due or as soon as its connection is free, and there is no thread per connection:
     * the generator's CPU per request stays close to wrk's.
     */
    private static final class Loop implements AutoCloseable {
        private static final long CHECK_NANOS = Duration.ofMillis(10).toNanos();

        private final InetSocketAddress address;
        private final byte[] request;
        private final long timeout;
        private final Schedule schedule;
        private final Selector selector;
        private final Connection[] connections;
        private final Recorder recorder = new Recorder();
        private volatile boolean sending = true;
        private volatile Thread sender;
        /** When the parked sender will wake by itself: the reader wakes it earlier only when needed. */
        private volatile long senderWakesAt;

        Loop(InetSocketAddress address, byte[] request, Duration timeout, Schedule schedule) throws IOException {
            this.address = address;
            this.request = request;
            this.timeout = timeout.toNanos();
            this.schedule = schedule;
            this.selector = Selector.open();
            this.connections = new Connection[schedule.connections()];
            for (int i = 0; i < connections.length; i++) {
                connections[i] = new Connection(schedule.first(i));
                connections[i].open();
            }
        }

        Recorder run() throws InterruptedException {
            Thread reader = Thread.ofPlatform().name("load-reader").start(this::readAnswers);
            sender = Thread.currentThread();
            try {
                sendRequests();
            } finally {
                sending = false;
                selector.wakeup();
                reader.join();
            }
            return recorder;
        }

        /** Until every request is sent and answered (or failed). */
        private void sendRequests() {
            while (true) {
                long now = System.nanoTime();
                long next = now + CHECK_NANOS;
                boolean working = false;
                for (Connection c : connections) {
                    synchronized (c) {
                        if (c.busy() && now - c.sentAt > timeout) {
                            fail(c);
                        }
                        if (c.busy()) {
                            working = true;
                        } else if (c.due < schedule.end()) {
                            working = true;
                            if (c.due - now <= 0) {
                                send(c, now);
                            } else {
                                next = Math.min(next, c.due);
                            }
                        }
                    }
                }
                if (!working) {
                    return;
                }
                senderWakesAt = next;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
        }

        private void readAnswers() {
            try {
                while (sending) {
                    selector.select(CHECK_NANOS / 1_000_000);
                    for (SelectionKey key : selector.selectedKeys()) {
                        read((Connection) key.attachment());
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Writes the connection's next request; the caller holds the connection's lock. */
        private void send(Connection c, long now) {
            c.inFlightDue = c.due;
            c.sentAt = now;
            c.due += schedule.period();
            try {
                if (c.channel == null) {
                    c.open();
                    selector.wakeup();
                }
                ByteBuffer out = ByteBuffer.wrap(request);
                while (out.hasRemaining()) {
                    c.channel.write(out);
                }
            } catch (IOException e) {
                fail(c);
            }
        }

        private void read(Connection c) {
            synchronized (c) {
                if (c.channel == null || !c.busy()) {
                    return;
                }
                try {
                    int n = c.channel.read(ByteBuffer.wrap(c.buffer, c.length, c.buffer.length - c.length));
                    if (n < 0) {
                        throw new IOException("Connection closed by the server");
                    }
                    c.length += n;
                    if (c.length == c.buffer.length) {
                        c.buffer = Arrays.copyOf(c.buffer, c.buffer.length * 2);
                    }
                    Http1Framing.Frame frame = Http1Framing.frame(c.buffer, c.length);
                    if (frame == null) {
                        return;
                    }
                    long done = System.nanoTime();
                    if (c.inFlightDue >= schedule.recordFrom()) {
                        recorder.answered(done - c.inFlightDue, frame.status());
                    }
                    System.arraycopy(c.buffer, frame.length(), c.buffer, 0, c.length - frame.length());
                    c.length -= frame.length();
                    c.inFlightDue = Connection.IDLE;
                    if (frame.close()) {
                        c.close();
                    }
                    if (c.due < schedule.end() && c.due - done <= 0) {
                        send(c, done);
                    } else if (c.due - senderWakesAt < 0) {
                        LockSupport.unpark(sender);
                    }
                } catch (IOException e) {
                    fail(c);
                    LockSupport.unpark(sender);
                }
            }
        }

        /** The request in flight failed: counted, and the connection is opened afresh for the next one. */
        private void fail(Connection c) {
            if (c.busy() && c.inFlightDue >= schedule.recordFrom()) {
                recorder.failed();
            }
            c.inFlightDue = Connection.IDLE;
            c.close();
        }

        @Override
        public void close() throws IOException {
            for (Connection c : connections) {
                synchronized (c) {
                    c.close();
                }
            }
            selector.close();
        }

        /** One keep-alive connection; guarded by its own monitor (sender and reader both use it). */
        private final class Connection {
            static final long IDLE = Long.MIN_VALUE;

            SocketChannel channel;
            long due;
            long inFlightDue = IDLE;
            long sentAt;
            byte[] buffer = new byte[16 * 1024];
            int length;

            Connection(long due) {
                this.due = due;
            }

            boolean busy() {
                return inFlightDue != IDLE;
            }

            void open() throws IOException {
                channel = SocketChannel.open();
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.connect(address);
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ, this);
                length = 0;
            }

            void close() {
                if (channel == null) {
                    return;
                }
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // A broken connection is being dropped: nothing left to do with it.
                }
                channel = null;
                length = 0;
            }
        }
    }
}
