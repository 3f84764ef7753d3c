package com.abcdashboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a crash right after an answer leaves behind: the store file copied the moment a write is
 * acknowledged (what the OS holds when the process is killed) and opened on its own.
 */
class DurableH2BackendTest {
    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteIsInTheFileWhenTheAnswerArrives() throws Exception {
        Path file = dir.resolve("embedded-mongo.mv");
        List<Path> images = new ArrayList<>();
        MongoServer server = new MongoServer(DurableH2Backend.open(file));
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 4);
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> users = client.getDatabase("db").getCollection("users");
            for (int i = 0; i < 5; i++) {
                users.insertOne(new Document("_id", "user-" + i).append("bio", "created"));
                users.updateOne(Filters.eq("_id", "user-" + i), Updates.set("bio", "edited"));
                images.add(Files.copy(file, dir.resolve("crash-image-" + i + ".mv")));
            }
        } finally {
            server.shutdownNow();
        }

        for (int i = 0; i < images.size(); i++) {
            H2Backend reopened = new H2Backend(images.get(i).toString());
            try {
                MongoServer restarted = new MongoServer(reopened);
                InetSocketAddress address = restarted.bind();
                try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
                    List<Document> found = client.getDatabase("db")
                            .getCollection("users")
                            .find()
                            .into(new ArrayList<>());
                    assertThat(found).as("image taken after write " + i).hasSize(i + 1);
                    assertThat(found)
                            .allSatisfy(
                                    user -> assertThat(user.getString("bio")).isEqualTo("edited"));
                } finally {
                    restarted.shutdownNow();
                }
            } finally {
                reopened.close();
            }
        }
    }
}
