package com.computemarket.connector.run;

import com.computemarket.workerprotocol.WireCodec;
import com.computemarket.workerprotocol.WireMessage;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A /worker endpoint in memory: each connect gives a {@link Link} the test drives as the server. */
final class FakeTransport implements Transport {

    static final WireCodec CODEC = new WireCodec();

    final BlockingQueue<Link> links = new LinkedBlockingQueue<>();
    /** Failures to answer the next connects with, in order; then connects succeed. */
    final Deque<ConnectFailure> failures = new ArrayDeque<>();
    final BlockingQueue<String> bearers = new LinkedBlockingQueue<>();

    @Override
    public synchronized Connection connect(URI uri, String bearer, Listener listener) throws ConnectFailure {
        bearers.add(bearer);
        ConnectFailure f = failures.poll();
        if (f != null) {
            throw f;
        }
        Link link = new Link(listener);
        links.add(link);
        return link;
    }

    Link nextLink() throws InterruptedException {
        Link l = links.poll(10, TimeUnit.SECONDS);
        if (l == null) {
            throw new AssertionError("the worker did not connect");
        }
        return l;
    }

    /** One connection as the server sees it. */
    static final class Link implements Connection {
        final Listener worker;
        final BlockingQueue<WireMessage> received = new LinkedBlockingQueue<>();
        final CompletableFuture<String> closedByWorker = new CompletableFuture<>();
        volatile boolean open = true;

        Link(Listener worker) {
            this.worker = worker;
        }

        @Override
        public CompletableFuture<Void> send(String text) {
            if (!open) {
                return CompletableFuture.failedFuture(new IllegalStateException("closed"));
            }
            received.add(CODEC.decode(text));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close(String reason) {
            open = false;
            closedByWorker.complete(reason);
        }

        void push(WireMessage message) {
            worker.onText(CODEC.encode(message));
        }

        /** The server drops the connection. */
        void drop() {
            open = false;
            worker.onClosed(1006, "gone");
        }

        /** The next message of the given type, skipping heartbeats. */
        <T extends WireMessage> T expect(Class<T> type) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                WireMessage m = received.poll(100, TimeUnit.MILLISECONDS);
                if (m == null || m instanceof WireMessage.Heartbeat && type != WireMessage.Heartbeat.class) {
                    continue;
                }
                if (!type.isInstance(m)) {
                    throw new AssertionError("expected " + type.getSimpleName() + ", got " + m);
                }
                return type.cast(m);
            }
            throw new AssertionError("no " + type.getSimpleName() + " within 10 s");
        }
    }
}
