package com.computemarket.load;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the run measures. Only tasks whose POST was sent inside the measured window count for the submission rate
 * and the latencies; jobs count for the dispatch rate when they reach a worker inside the window. Times are
 * {@link System#nanoTime()} of this one JVM, so the client and the workers share a clock.
 */
final class Stats {

    /** Times of one task: POST sent, 201 received, first job received (0 = not yet). */
    private static final class Times {
        long sent;
        long created;
        long dispatched;
        boolean recorded;
    }

    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;

    private final Map<UUID, Times> tasks = new ConcurrentHashMap<>();
    final LongAdder postsInWindow = new LongAdder();
    final LongAdder createdInWindow = new LongAdder();
    final LongAdder createdTotal = new LongAdder();
    final LongAdder dispatchedInWindow = new LongAdder();
    final LongAdder dispatchedTotal = new LongAdder();
    final LongAdder dispatchedOfWindowTasks = new LongAdder();
    final LongAdder jobBeforeCreated = new LongAdder();
    final LongAdder repeatedJobs = new LongAdder();
    final LongAdder unknownTaskJobs = new LongAdder();
    final LongAdder resultsAccepted = new LongAdder();
    final LongAdder resultsDuplicate = new LongAdder();
    final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    final Map<String, LongAdder> errorsInWindow = new ConcurrentHashMap<>();
    final Map<String, String> errorSamples = new ConcurrentHashMap<>();

    private final Recorder postLatency = new Recorder();
    private final Recorder dispatchFromCreated = new Recorder();
    private final Recorder dispatchFromSent = new Recorder();

    void openWindow(long start, long end) {
        windowStart = start;
        windowEnd = end;
    }

    boolean inWindow(long t) {
        return t >= windowStart && t < windowEnd;
    }

    long windowNanos() {
        return windowEnd - windowStart;
    }

    /** A POST answered 201 with this task id. */
    void created(UUID taskId, long sent, long created) {
        createdTotal.increment();
        boolean counted = inWindow(sent);
        if (counted) {
            createdInWindow.increment();
            postLatency.add(created - sent);
        }
        tasks.compute(taskId, (id, t) -> {
            if (t == null) {
                t = new Times();
            } else if (t.dispatched != 0) {
                jobBeforeCreated.increment();
            }
            t.sent = sent;
            t.created = created;
            record(t);
            return t;
        });
    }

    void posted(long sent) {
        if (inWindow(sent)) {
            postsInWindow.increment();
        }
    }

    /** A POST that did not answer 201: counted by status (or exception class). */
    void failed(String what, long sent, String sample) {
        errors.computeIfAbsent(what, k -> new LongAdder()).increment();
        if (inWindow(sent)) {
            errorsInWindow.computeIfAbsent(what, k -> new LongAdder()).increment();
        }
        errorSamples.putIfAbsent(what, sample == null ? "" : sample);
    }

    /** A job pushed to a simulated worker. */
    void dispatched(UUID taskId, long received) {
        dispatchedTotal.increment();
        if (inWindow(received)) {
            dispatchedInWindow.increment();
        }
        tasks.compute(taskId, (id, t) -> {
            if (t == null) {
                t = new Times();
            }
            if (t.dispatched != 0) {
                repeatedJobs.increment();
                return t;
            }
            t.dispatched = received;
            record(t);
            return t;
        });
    }

    private void record(Times t) {
        if (t.recorded || t.created == 0 || t.dispatched == 0) {
            return;
        }
        t.recorded = true;
        if (inWindow(t.sent)) {
            dispatchedOfWindowTasks.increment();
            dispatchFromCreated.add(Math.max(0, t.dispatched - t.created));
            dispatchFromSent.add(t.dispatched - t.sent);
        }
    }

    /** Tasks of the window still without a job at a worker. */
    long windowTasksWaiting() {
        return createdInWindow.sum() - dispatchedOfWindowTasks.sum();
    }

    Recorder postLatency() {
        return postLatency;
    }

    Recorder dispatchFromCreated() {
        return dispatchFromCreated;
    }

    Recorder dispatchFromSent() {
        return dispatchFromSent;
    }

    long jobsForUnknownTasks() {
        return tasks.values().stream().filter(t -> t.created == 0).count();
    }

    static Map<String, Long> sums(Map<String, LongAdder> counts) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Latencies in nanoseconds; percentiles by nearest rank over all samples (a run has tens of thousands at most). */
    static final class Recorder {
        private long[] values = new long[1 << 14];
        private int size;

        synchronized void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized long[] sorted() {
            long[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }

        static double millis(long[] sorted, double quantile) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(quantile * sorted.length);
            return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] / 1e6;
        }
    }
}
