package com.computemarket.workers.application;

import com.computemarket.shared.Caller;
import com.computemarket.workers.domain.EnrolmentChallenge;
import com.computemarket.workers.domain.EnrolmentChallengeRepository;
import com.computemarket.workers.domain.Worker;
import com.computemarket.workers.domain.WorkerRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** In-memory ports and a clock that tests move, to build the workers' services without a server. */
final class Fakes {

    private Fakes() {
    }

    static Caller caller(String subject, String... roles) {
        return new Caller(subject, subject + "-name", Set.of(roles), Optional.empty());
    }

    static final class Workers implements WorkerRepository {
        final Map<UUID, Worker> byId = new LinkedHashMap<>();

        @Override
        public void add(Worker worker) {
            if (findByAddress(worker.address()).isPresent()) {
                throw WorkerEnrolment.addressTaken(worker.address());
            }
            byId.put(worker.id(), worker);
        }

        @Override
        public Optional<Worker> find(UUID id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public Optional<Worker> lock(UUID id) {
            return find(id);
        }

        @Override
        public Optional<Worker> findByAddress(String address) {
            return byId.values().stream().filter(w -> w.address().equals(address)).findFirst();
        }

        @Override
        public List<Worker> ofOperator(String operatorSubject) {
            return byId.values().stream().filter(w -> w.ownedBy(operatorSubject)).toList();
        }

        @Override
        public List<Worker> page(Optional<String> operatorSubject, int limit, int offset) {
            return byId.values().stream().filter(w -> operatorSubject.map(w::ownedBy).orElse(true))
                    .sorted(Comparator.comparing(Worker::enrolledAt)).skip(offset).limit(limit).toList();
        }

        @Override
        public long count(Optional<String> operatorSubject) {
            return byId.values().stream().filter(w -> operatorSubject.map(w::ownedBy).orElse(true)).count();
        }
    }

    static final class Challenges implements EnrolmentChallengeRepository {
        final Map<String, EnrolmentChallenge> byNonce = new HashMap<>();

        @Override
        public void add(EnrolmentChallenge challenge) {
            byNonce.put(challenge.nonce(), challenge);
        }

        @Override
        public Optional<EnrolmentChallenge> lock(String nonce) {
            return Optional.ofNullable(byNonce.get(nonce));
        }
    }

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The four services on one set of fakes. */
    static final class Context {
        final Workers workers = new Workers();
        final Challenges challenges = new Challenges();
        final MovableClock clock = new MovableClock();
        final WorkerSettings settings = WorkerSettings.of(Duration.ofMinutes(5), 3);
        final WorkerEnrolment enrolment = new WorkerEnrolment();
        final WorkerDirectory directory = new WorkerDirectory();
        final Reputation reputation = new Reputation();
        final WorkerSuspension suspension = new WorkerSuspension();
        /** Workers told to disconnect, as "id: reason"; the after-commit actions run at once here. */
        final List<String> disconnected = new ArrayList<>();

        Context() {
            WorkerConnections connections = (id, reason) -> disconnected.add(id + ": " + reason);
            com.computemarket.shared.AfterCommit now = new com.computemarket.shared.AfterCommit() {
                @Override
                public void run(Runnable action) {
                    action.run();
                }
            };
            reputation.connections = connections;
            reputation.afterCommit = now;
            suspension.connections = connections;
            suspension.afterCommit = now;
            enrolment.workers = workers;
            enrolment.challenges = challenges;
            enrolment.settings = settings;
            enrolment.clock = clock;
            directory.workers = workers;
            reputation.workers = workers;
            reputation.settings = settings;
            reputation.clock = clock;
            suspension.workers = workers;
            suspension.clock = clock;
        }

        List<Worker> all() {
            return new ArrayList<>(workers.byId.values());
        }
    }
}
