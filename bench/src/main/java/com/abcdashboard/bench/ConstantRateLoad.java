package com.abcdashboard.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
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
 * {@code k} at {@code start + i/rate + k*connections/rate}. A connection that falls behind sends at once
 * and catches up. Requests due during the warm-up are sent but not recorded. Prints one JSON object.
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

    /** What one run measured; latencies of the recorded (post-warm-up) requests only. */
    public record Result(
            double targetRate,
            double achievedRate,
            int connections,
            double seconds,
            long requests,
            long non2xx,
            long socketErrors,
            Latencies latency) {

        String toJson() {
            return String.format(
                    Locale.ROOT,
                    "{\"targetRate\":%.1f,\"achievedRate\":%.1f,\"connections\":%d,\"seconds\":%.3f,"
                            + "\"requests\":%d,\"non2xx\":%d,\"socketErrors\":%d,\"latencyMs\":{\"p50\":%.3f,"
                            + "\"p90\":%.3f,\"p99\":%.3f,\"p999\":%.3f,\"max\":%.3f,\"mean\":%.3f}}",
                    targetRate,
                    achievedRate,
                    connections,
                    seconds,
                    requests,
                    non2xx,
                    socketErrors,
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
        byte[] request = Http1Connection.get(url.getHost(), port, pathAndQuery, options.headers());

        long interval = (long) (1e9 / options.rate());
        long period = interval * options.connections();
        long start = System.nanoTime() + Duration.ofMillis(100).toNanos();
        long recordFrom = start + options.warmup().toNanos();
        long end = recordFrom + options.duration().toNanos();

        List<Sender> senders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < options.connections(); i++) {
            Sender sender =
                    new Sender(address, request, options.timeout(), start + i * interval, period, recordFrom, end);
            senders.add(sender);
            threads.add(Thread.ofPlatform().name("load-" + i).start(sender));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        long requests = 0;
        long non2xx = 0;
        long socketErrors = 0;
        List<long[]> all = new ArrayList<>();
        for (Sender sender : senders) {
            requests += sender.recorded;
            non2xx += sender.non2xx;
            socketErrors += sender.socketErrors;
            all.add(Arrays.copyOf(sender.latencies, sender.count));
        }
        long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
        double seconds = options.duration().toNanos() / 1e9;
        return new Result(
                options.rate(),
                merged.length / seconds,
                options.connections(),
                seconds,
                requests,
                non2xx,
                socketErrors,
                Latencies.of(merged));
    }

    /** One connection's schedule: sends when due, records latency from the due time. */
    private static final class Sender implements Runnable {
        private final InetSocketAddress address;
        private final byte[] request;
        private final Duration timeout;
        private final long first;
        private final long period;
        private final long recordFrom;
        private final long end;

        private long[] latencies = new long[1024];
        private int count;
        private long recorded;
        private long non2xx;
        private long socketErrors;

        Sender(
                InetSocketAddress address,
                byte[] request,
                Duration timeout,
                long first,
                long period,
                long recordFrom,
                long end) {
            this.address = address;
            this.request = request;
            this.timeout = timeout;
            this.first = first;
            this.period = period;
            this.recordFrom = recordFrom;
            this.end = end;
        }

        @Override
        public void run() {
            Http1Connection connection = null;
            try {
                for (long due = first; due < end; due += period) {
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    boolean record = due >= recordFrom;
                    try {
                        if (connection == null) {
                            connection = Http1Connection.open(address, timeout);
                        }
                        int status = connection.exchange(request);
                        long done = System.nanoTime();
                        if (record) {
                            add(done - due);
                            if (status < 200 || status > 299) {
                                non2xx++;
                            }
                        }
                        if (!connection.reusable()) {
                            closeQuietly(connection);
                            connection = null;
                        }
                    } catch (IOException | RuntimeException e) {
                        if (record) {
                            socketErrors++;
                        }
                        closeQuietly(connection);
                        connection = null;
                    }
                    if (record) {
                        recorded++;
                    }
                }
            } finally {
                closeQuietly(connection);
            }
        }

        private void add(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }

        private static void closeQuietly(Http1Connection connection) {
            if (connection == null) {
                return;
            }
            try {
                connection.close();
            } catch (IOException ignored) {
                // Closing a broken connection: nothing left to do with it.
            }
        }
    }
}
