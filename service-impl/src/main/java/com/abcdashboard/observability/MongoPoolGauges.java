package com.abcdashboard.observability;

import com.mongodb.event.ConnectionCheckOutFailedEvent;
import com.mongodb.event.ConnectionCheckOutStartedEvent;
import com.mongodb.event.ConnectionCheckedInEvent;
import com.mongodb.event.ConnectionCheckedOutEvent;
import com.mongodb.event.ConnectionClosedEvent;
import com.mongodb.event.ConnectionCreatedEvent;
import com.mongodb.event.ConnectionPoolListener;
import io.helidon.metrics.api.Tag;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The driver's connection-pool events as gauges: {@code mongodb_pool_connections} (open),
 * {@code mongodb_pool_checked_out} (in use) and {@code mongodb_pool_wait_queue} (threads waiting for one).
 */
public final class MongoPoolGauges implements ConnectionPoolListener {
    private final AtomicLong open = new AtomicLong();
    private final AtomicLong checkedOut = new AtomicLong();
    private final AtomicLong waiting = new AtomicLong();

    public MongoPoolGauges(ServiceMetrics metrics, String client) {
        Tag tag = Tag.create("client", client);
        metrics.gauge("mongodb.pool.connections", "Open connections in the MongoDB driver's pool", open::get, tag);
        metrics.gauge("mongodb.pool.checked.out", "MongoDB connections in use", checkedOut::get, tag);
        metrics.gauge("mongodb.pool.wait.queue", "Threads waiting for a MongoDB connection", waiting::get, tag);
    }

    @Override
    public void connectionCreated(ConnectionCreatedEvent event) {
        open.incrementAndGet();
    }

    @Override
    public void connectionClosed(ConnectionClosedEvent event) {
        open.decrementAndGet();
    }

    @Override
    public void connectionCheckOutStarted(ConnectionCheckOutStartedEvent event) {
        waiting.incrementAndGet();
    }

    @Override
    public void connectionCheckedOut(ConnectionCheckedOutEvent event) {
        waiting.decrementAndGet();
        checkedOut.incrementAndGet();
    }

    @Override
    public void connectionCheckOutFailed(ConnectionCheckOutFailedEvent event) {
        waiting.decrementAndGet();
    }

    @Override
    public void connectionCheckedIn(ConnectionCheckedInEvent event) {
        checkedOut.decrementAndGet();
    }
}
