package com.computemarket.market.infrastructure;

import com.computemarket.market.application.JobPush;
import com.computemarket.market.application.WorkerChannels;
import com.computemarket.shared.WorkerId;
import com.computemarket.verification.application.WorkerMessages;
import com.computemarket.workerprotocol.WireCodec;
import com.computemarket.workerprotocol.WireMessage;
import com.computemarket.workers.application.WorkerConnections;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * The workers connected to this server, in memory: per worker its challenge types, the catalogue models it holds, its capacity and the slots in use
 * (reservations waiting for their lease to commit, plus jobs pushed to it). The gateway behind three ports: dispatch
 * reaches it as {@link WorkerChannels}, the verifier as {@link WorkerMessages}, suspension as
 * {@link WorkerConnections}; the web module's WebSocket endpoint feeds it connections through {@link WorkerConversation}.
 * Slots are counted per worker id, so a reconnect starts from the jobs it still holds. A disconnect frees the slots but returns no lease: the leases expire unless the worker is back within their TTL.
 */
@ApplicationScoped
public class WorkerHub implements WorkerChannels, WorkerMessages, WorkerConnections {

    private static final Logger LOG = Logger.getLogger(WorkerHub.class.getName());

    private final WireCodec codec = new WireCodec();
    private final ConcurrentMap<UUID, Connection> connections = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, List<Connection>> byType = new ConcurrentHashMap<>();
    private final AtomicInteger cursor = new AtomicInteger();

    /** A suspended worker: no new jobs from now on; the connection closes (its leases run out unless it is resumed). */
    @Override
    public void disconnect(WorkerId workerId, String reason) {
        Connection connection = connections.get(workerId.value());
        if (connection != null) {
            detach(connection);
            connection.link.close(reason);
            LOG.info(() -> "worker " + workerId + " disconnected: " + reason);
        }
    }

    /** A verifier's message (challenge, signature request, job update) to a connected worker. */
    @Override
    public boolean send(WorkerId workerId, WireMessage message) {
        Connection connection = connections.get(workerId.value());
        if (connection == null) {
            return false;
        }
        connection.link.send(codec.encode(message));
        return true;
    }

    public WireCodec codec() {
        return codec;
    }

    /**
     * Makes a worker reachable with {@code capacity} slots for {@code challengeTypes}; the jobs it still holds are
     * sent again and occupy slots. A connection of the same worker that was still open is closed and replaced.
     */
    public Connection attach(UUID workerId, Set<String> challengeTypes, int capacity, WorkerLink link, List<JobPush> stillLeased) {
        return attach(workerId, challengeTypes, Set.of(), capacity, link, stillLeased);
    }

    /** As above, for a worker that holds these catalogue models (its hello's {@code models}). */
    public Connection attach(UUID workerId, Set<String> challengeTypes, Set<String> models, int capacity, WorkerLink link,
                             List<JobPush> stillLeased) {
        Connection connection = new Connection(workerId, Set.copyOf(challengeTypes), Set.copyOf(models), capacity, link);
        for (JobPush job : stillLeased) {
            connection.bind(job.jobId());
            link.send(jobMessage(job));
        }
        Connection previous = connections.put(workerId, connection);
        if (previous != null) {
            unlist(previous);
            previous.link.close("replaced by a newer connection of the same worker");
            LOG.info(() -> "worker " + workerId + " connected again; the older connection is closed");
        }
        for (String type : connection.challengeTypes) {
            byType.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(connection);
        }
        LOG.info(() -> "worker " + workerId + " connected: capacity " + capacity + ", " + connection.challengeTypes
                + (connection.models.isEmpty() ? "" : ", models " + connection.models)
                + (stillLeased.isEmpty() ? "" : ", " + stillLeased.size() + " leased job(s) sent again"));
        return connection;
    }

    /** The connection closed: its slots are gone (no lease is returned; they expire or come back on reconnect). */
    public void detach(Connection connection) {
        if (connections.remove(connection.workerId, connection)) {
            unlist(connection);
            LOG.info(() -> "worker " + connection.workerId + " disconnected holding " + connection.jobCount() + " job(s)");
        }
    }

    private void unlist(Connection connection) {
        for (String type : connection.challengeTypes) {
            List<Connection> list = byType.get(type);
            if (list != null) {
                list.remove(connection);
            }
        }
    }

    @Override
    public Optional<UUID> reserve(String challengeType) {
        return reserve(challengeType, null);
    }

    @Override
    public Optional<UUID> reserve(String challengeType, String modelId) {
        List<Connection> candidates = byType.get(challengeType);
        if (candidates == null || candidates.isEmpty()) {
            return Optional.empty();
        }
        Object[] snapshot = candidates.toArray();
        int start = Math.floorMod(cursor.getAndIncrement(), snapshot.length);
        for (int i = 0; i < snapshot.length; i++) {
            Connection connection = (Connection) snapshot[(start + i) % snapshot.length];
            if ((modelId == null || connection.models.contains(modelId)) && connection.tryReserve()) {
                return Optional.of(connection.workerId);
            }
        }
        return Optional.empty();
    }

    @Override
    public void cancelReservation(UUID workerId) {
        Connection connection = connections.get(workerId);
        if (connection != null) {
            connection.unreserve();
        }
    }

    @Override
    public void push(UUID workerId, JobPush job) {
        Connection connection = connections.get(workerId);
        if (connection == null) {
            LOG.fine(() -> "job " + job.jobId() + " leased to worker " + workerId + ", which is gone; the lease will expire");
            return;
        }
        connection.bindReserved(job.jobId());
        connection.link.send(jobMessage(job));
    }

    @Override
    public void release(UUID workerId, UUID jobId) {
        Connection connection = connections.get(workerId);
        if (connection != null) {
            connection.unbind(jobId);
        }
    }

    /**
     * After a heartbeat: jobs pushed before {@code sinceNanos} that the database no longer has leased to the worker
     * (expired, cancelled, their task failed) free their slots. Jobs pushed since may not be in that answer yet.
     */
    public void retain(UUID workerId, Collection<UUID> stillLeased, long sinceNanos) {
        Connection connection = connections.get(workerId);
        if (connection != null) {
            connection.retain(Set.copyOf(stillLeased), sinceNanos);
        }
    }

    /** Free slots per challenge type, summed over the connected workers (for operators and tests). */
    public Map<String, Integer> freeSlots() {
        Map<String, Integer> free = new HashMap<>();
        for (Connection c : connections.values()) {
            for (String type : c.challengeTypes) {
                free.merge(type, c.free(), Integer::sum);
            }
        }
        return free;
    }

    @Override
    public boolean connected(UUID workerId) {
        return connections.containsKey(workerId);
    }

    public int connectedWorkers() {
        return connections.size();
    }

    private String jobMessage(JobPush job) {
        return codec.encode(new WireMessage.JobAssignment(job.jobId(), job.taskId(), job.challengeType(),
                codec.tree(job.payloadJson()), job.leaseExpiresAt()));
    }

    /** One worker's live connection and its slots. */
    public static final class Connection {
        final UUID workerId;
        final Set<String> challengeTypes;
        /** The catalogue models the worker said it holds. */
        final Set<String> models;
        final int capacity;
        final WorkerLink link;
        private int reserved;
        /** job id → System.nanoTime() when it was bound to this connection */
        private final Map<UUID, Long> jobs = new HashMap<>();

        Connection(UUID workerId, Set<String> challengeTypes, Set<String> models, int capacity, WorkerLink link) {
            this.workerId = workerId;
            this.challengeTypes = challengeTypes;
            this.models = models;
            this.capacity = capacity;
            this.link = link;
        }

        synchronized boolean tryReserve() {
            if (reserved + jobs.size() >= capacity) {
                return false;
            }
            reserved++;
            return true;
        }

        synchronized void unreserve() {
            if (reserved > 0) {
                reserved--;
            }
        }

        synchronized void bind(UUID jobId) {
            jobs.put(jobId, System.nanoTime());
        }

        /** A reservation became a job; a lease reserved on an earlier connection simply adds the job. */
        synchronized void bindReserved(UUID jobId) {
            if (reserved > 0) {
                reserved--;
            }
            jobs.put(jobId, System.nanoTime());
        }

        synchronized void unbind(UUID jobId) {
            jobs.remove(jobId);
        }

        synchronized void retain(Set<UUID> stillLeased, long sinceNanos) {
            List<UUID> gone = new ArrayList<>();
            jobs.forEach((job, boundAt) -> {
                if (boundAt - sinceNanos < 0 && !stillLeased.contains(job)) {
                    gone.add(job);
                }
            });
            gone.forEach(jobs::remove);
        }

        synchronized int free() {
            return Math.max(0, capacity - reserved - jobs.size());
        }

        synchronized int jobCount() {
            return jobs.size();
        }

        synchronized Set<UUID> jobs() {
            return Set.copyOf(jobs.keySet());
        }

        public UUID workerId() {
            return workerId;
        }
    }
}
