package com.abcdashboard.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A redis-server of the test's own on a free loopback port, without persistence (so a restart comes back
 * empty), acted on by PID: stopped, killed, frozen and thawed. Nothing else's data is touched.
 */
public final class RedisProcess implements AutoCloseable {
    private final int port = FreePort.closed();
    private final Path logDir;
    private Process process;

    public RedisProcess(Path logDir) throws IOException, InterruptedException {
        this.logDir = logDir;
        start();
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** (Re)starts on the same port; returns once it accepts connections. */
    public void start() throws IOException, InterruptedException {
        process = new ProcessBuilder(
                        "redis-server",
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no")
                .redirectOutput(
                        logDir.resolve("redis-" + System.nanoTime() + ".log").toFile())
                .redirectErrorStream(true)
                .start();
        FreePort.awaitAccepting(port, "redis-server listening");
    }

    /** SIGTERM, as an orderly shutdown. */
    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** SIGKILL: gone at once, connections dropped without a word. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGSTOP: the process keeps its connections and its data but answers nothing. */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT: it answers again, with what it held before it froze. */
    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                .start()
                .waitFor();
        assertThat(exit).as("kill -" + name).isZero();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (process.isAlive()) {
            thaw();
            kill();
        }
    }
}
