package com.computemarket.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver of the market: funds the customers' organizations (admin manual credit), enrols simulated workers
 * (signed address proofs) and connects them to {@code /worker}; then client threads POST tasks through the Task
 * Market API while the workers answer every job at once. It measures, after a warm-up that is not counted:
 * tasks/s created (201), jobs/s pushed to workers, and the dispatch latency from the 201 to the job reaching a
 * worker (matched by task id), with errors by status. Run it with {@code bin/load --help}.
 */
public final class LoadDriver {

    private static final Pattern TASK_ID = Pattern.compile("\"task_id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final String[] CUSTOMERS = {"customer", "customer2"};
    private static final String[] ORGANIZATIONS = {"acme", "globex"};
    private static final String[] OPERATORS = {"worker", "worker2"};

    private final Options options;
    private final Stats stats = new Stats();
    private final Map<String, LongAdder> protocolErrors = new ConcurrentHashMap<>();
    private volatile boolean stop;

    private LoadDriver(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        System.exit(new LoadDriver(options).run());
    }

    private int run() throws Exception {
        int workers = options.integer("workers");
        int clients = options.integer("clients");
        int warmup = options.integer("warmup");
        int duration = options.integer("duration");
        String challenge = options.text("challenge");
        say("settings: " + options.summary());
        say("driver JVM sees " + Runtime.getRuntime().availableProcessors() + " processors");

        Rest rest = new Rest(options.api(), options.text("oidc"), clients + 2);
        checkHealth(rest.client());
        for (String user : new String[]{"admin", CUSTOMERS[0], CUSTOMERS[1], OPERATORS[0], OPERATORS[1]}) {
            rest.token(user);
        }
        say("tokens from Keycloak for admin, customer, customer2, worker, worker2");

        fund(rest);

        List<SimWorker> fleet = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            SimWorker w = new SimWorker(OPERATORS[i % 2], options.integer("capacity"), List.of(challenge),
                    "inference".equals(challenge) ? List.of(options.text("model")) : List.of(), stats, protocolErrors);
            w.enrol(rest);
            fleet.add(w);
        }
        say("enrolled " + workers + " workers (" + (workers + 1) / 2 + " by worker, " + workers / 2 + " by worker2)");

        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(Rest.daemon("timer"));
        HttpClient sockets = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(2, Rest.daemon("ws")))
                .connectTimeout(Duration.ofSeconds(10)).build();
        URI socketUri = options.workerSocket();
        for (SimWorker w : fleet) {
            w.connect(sockets, socketUri, rest.token(w.operator), timers);
        }
        say("connected " + workers + " workers to " + socketUri + ", " + options.integer("capacity") + " slots each");

        long start = System.nanoTime();
        long windowStart = start + Duration.ofSeconds(warmup).toNanos();
        long windowEnd = windowStart + Duration.ofSeconds(duration).toNanos();
        stats.openWindow(windowStart, windowEnd);
        Pacer pacer = new Pacer(options.decimal("rate"));
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String customer = CUSTOMERS[i % 2];
            Thread t = new Thread(() -> submitLoop(rest, customer, challenge, pacer), "client-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        say("load on: " + clients + " clients, " + (pacer.enabled() ? "target " + options.text("rate") + " tasks/s" : "closed loop")
                + "; warm-up " + warmup + " s, then " + duration + " s measured");
        progressUntil(windowEnd);
        stop = true;
        for (Thread t : threads) {
            t.join(35_000);
        }
        long drainUntil = System.nanoTime() + Duration.ofSeconds(options.integer("drain")).toNanos();
        while (stats.windowTasksWaiting() > 0 && System.nanoTime() < drainUntil) {
            Thread.sleep(200);
        }
        Thread.sleep(500); // the last results' acks
        for (SimWorker w : fleet) {
            w.close();
        }
        report(workers, clients);
        return 0;
    }

    private void checkHealth(HttpClient http) {
        URI health = options.api().resolve("api/health");
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(health + " answered " + r.statusCode() + " " + r.body());
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("the marketplace does not answer at " + health + " (" + e + ")", e);
        }
    }

    /** Admin manual credit to each organization, so that escrow holds never run out during the run. */
    private void fund(Rest rest) {
        String amount = options.text("fund");
        if (new java.math.BigDecimal(amount).signum() <= 0) {
            say("no funding (--fund=0)");
            return;
        }
        for (String org : ORGANIZATIONS) {
            Rest.Reply r = rest.post("admin", "api/admin/credits",
                    Map.of("organization", org, "amount", amount, "reason", "load driver funding " + Instant.now()));
            if (r.status() / 100 != 2) {
                throw new IllegalStateException("admin credit to " + org + " failed: " + r);
            }
        }
        for (int i = 0; i < 2; i++) {
            Rest.Reply b = rest.get(CUSTOMERS[i], "api/organizations/" + ORGANIZATIONS[i] + "/balance");
            say("credited " + amount + " CPC to " + ORGANIZATIONS[i] + "; balance: " + b);
        }
    }

    private void submitLoop(Rest rest, String customer, String challenge, Pacer pacer) {
        String reward = options.text("reward");
        while (!stop) {
            pacer.await();
            if (stop) {
                return;
            }
            String body = body(challenge, reward, options.text("model"));
            long sent = System.nanoTime();
            stats.posted(sent);
            try {
                Rest.Reply r = rest.post(customer, "api/tasks", body, Map.of());
                long answered = System.nanoTime();
                Matcher m = r.status() == 201 ? TASK_ID.matcher(r.body()) : null;
                if (m != null && m.find()) {
                    stats.created(UUID.fromString(m.group(1)), sent, answered);
                } else {
                    stats.failed(String.valueOf(r.status()), sent, r.toString());
                }
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                stats.failed(cause.getClass().getSimpleName(), sent, String.valueOf(cause.getMessage()));
            }
        }
    }

    private static String body(String challenge, String reward, String model) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String payload = switch (challenge) {
            case "synthetic" -> "{\"seed\":\"" + Long.toHexString(random.nextLong() | Long.MIN_VALUE)
                    + "\",\"matrix_size\":64,\"iterations\":10}";
            case "inference" -> "{\"model_id\":\"" + model + "\",\"inputs\":[\"load " + random.nextInt(1_000_000) + "\"]}";
            default -> throw new IllegalArgumentException("--challenge must be synthetic or inference (one job per task)");
        };
        return "{\"challenge_type\":\"" + challenge + "\",\"payload\":" + payload + ",\"reward\":\"" + reward + "\"}";
    }

    private void progressUntil(long end) throws InterruptedException {
        long lastCreated = 0;
        long lastDispatched = 0;
        long last = System.nanoTime();
        while (System.nanoTime() < end) {
            Thread.sleep(Math.min(5_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            long now = System.nanoTime();
            long created = stats.createdTotal.sum();
            long dispatched = stats.dispatchedTotal.sum();
            double seconds = (now - last) / 1e9;
            say(String.format(Locale.ROOT, "%s created %.0f/s, dispatched %.0f/s, errors %s",
                    stats.inWindow(now) ? "[measuring]" : now < end ? "[warm-up]  " : "[end]      ",
                    (created - lastCreated) / seconds, (dispatched - lastDispatched) / seconds, Stats.sums(stats.errors)));
            lastCreated = created;
            lastDispatched = dispatched;
            last = now;
        }
    }

    private void report(int workers, int clients) throws IOException {
        double seconds = stats.windowNanos() / 1e9;
        long[] fromCreated = stats.dispatchFromCreated().sorted();
        long[] fromSent = stats.dispatchFromSent().sorted();
        long[] post = stats.postLatency().sorted();
        double submittedRate = stats.createdInWindow.sum() / seconds;
        double dispatchedRate = stats.dispatchedInWindow.sum() / seconds;
        Map<String, Long> errors = Stats.sums(stats.errorsInWindow);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n=== ComputeMarket load run, %s ===%n", Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        out.append(String.format(Locale.ROOT, "measured window: %.0f s after %s s of warm-up (tasks POSTed during warm-up are not counted)%n",
                seconds, options.text("warmup")));
        out.append(String.format(Locale.ROOT, "load: %d clients, %s; %d workers x %s slots; challenge %s, reward %s CPC%n",
                clients, options.decimal("rate") > 0 ? "target " + options.text("rate") + " tasks/s" : "closed loop",
                workers, options.text("capacity"), options.text("challenge"), options.text("reward")));
        out.append(String.format(Locale.ROOT, "tasks submitted (201): %d = %.1f tasks/s  (POSTs sent in window: %d)%n",
                stats.createdInWindow.sum(), submittedRate, stats.postsInWindow.sum()));
        out.append(String.format(Locale.ROOT, "jobs dispatched to workers in window: %d = %.1f jobs/s (1 job per task)%n",
                stats.dispatchedInWindow.sum(), dispatchedRate));
        out.append(String.format(Locale.ROOT, "dispatch latency, 201 -> job at worker, %d tasks: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                fromCreated.length, ms(fromCreated, .5), ms(fromCreated, .9), ms(fromCreated, .99), ms(fromCreated, 1)));
        out.append(String.format(Locale.ROOT, "  from POST sent -> job at worker: p50 %.1f ms, p99 %.1f ms; POST -> 201: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                ms(fromSent, .5), ms(fromSent, .99), ms(post, .5), ms(post, .99), ms(post, 1)));
        out.append(String.format(Locale.ROOT, "window tasks without a job after %s s drain: %d; jobs that reached a worker before the client saw 201: %d%n",
                options.text("drain"), stats.windowTasksWaiting(), stats.jobBeforeCreated.sum()));
        out.append(String.format(Locale.ROOT, "jobs pushed again for a task already dispatched: %d; jobs of tasks this run did not create: %d%n",
                stats.repeatedJobs.sum(), stats.jobsForUnknownTasks()));
        out.append(String.format(Locale.ROOT, "results acked: %d accepted, %d duplicate%n",
                stats.resultsAccepted.sum(), stats.resultsDuplicate.sum()));
        out.append("POST errors in window by status: " + (errors.isEmpty() ? "none" : errors)
                + "; whole run: " + Stats.sums(stats.errors) + "\n");
        stats.errorSamples.forEach((k, v) -> out.append("  sample ").append(k).append(": ").append(v).append('\n'));
        out.append("worker protocol errors: " + (protocolErrors.isEmpty() ? "none" : Stats.sums(protocolErrors)) + "\n");
        System.out.print(out);

        String markdown = options.text("markdown");
        if (!markdown.isEmpty()) {
            long errorCount = errors.values().stream().mapToLong(Long::longValue).sum();
            String row = String.format(Locale.ROOT, "| %s | %s | %d x %s | %d | %s | %s s + %.0f s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %d |%n",
                    Instant.now().truncatedTo(ChronoUnit.MINUTES), options.text("label").isEmpty() ? "-" : options.text("label"),
                    workers, options.text("capacity"), clients, options.decimal("rate") > 0 ? options.text("rate") : "max",
                    options.text("warmup"), seconds, submittedRate, dispatchedRate,
                    ms(fromCreated, .5), ms(fromCreated, .9), ms(fromCreated, .99), ms(fromCreated, 1), errorCount);
            Files.writeString(Path.of(markdown), row, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            say("appended a row to " + markdown);
        }
    }

    private static double ms(long[] sorted, double q) {
        return Stats.Recorder.millis(sorted, q);
    }

    private static void say(String line) {
        System.out.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + line);
    }

    /** Spreads a target rate over the client threads; a late client does not get a burst of catch-up slots. */
    private static final class Pacer {
        private final long interval;
        private final AtomicLong next = new AtomicLong(System.nanoTime());

        Pacer(double rate) {
            this.interval = rate > 0 ? (long) (1e9 / rate) : 0;
        }

        boolean enabled() {
            return interval > 0;
        }

        void await() {
            if (interval == 0) {
                return;
            }
            long now = System.nanoTime();
            long slot = next.getAndUpdate(v -> Math.max(v, now - 100_000_000L) + interval);
            slot = Math.max(slot, now - 100_000_000L);
            long wait = slot - now;
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
