package com.abcdashboard.bench;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;

/**
 * The embedded store as the service had it before durable acknowledgements: mongo-java-server's H2 file
 * backend with H2's own once-a-second background commit, served on a port. bench/run points a service at
 * it ({@code MONGODB_URI=mongodb://...}) to measure what the durable store ({@code MONGODB_URI=embedded})
 * costs on the same write load, in the same run.
 *
 * <p>{@code java -cp bench/target/abc-dashboard-bench.jar com.abcdashboard.bench.BackgroundCommitStore PORT
 * FILE}; runs until stopped.
 */
public final class BackgroundCommitStore {
    private BackgroundCommitStore() {}

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        MongoServer server = new MongoServer(new H2Backend(file.toString()));
        server.bind("127.0.0.1", port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        System.out.println("background-commit store listening on mongodb://127.0.0.1:" + port);
    }
}
