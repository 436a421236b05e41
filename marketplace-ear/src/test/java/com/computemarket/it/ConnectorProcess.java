package com.computemarket.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real worker-connector fat jar run as its own process (plain {@code java -jar}), as an operator would run it:
 * its own keystore and token store in a temporary folder, its output in a log file the tests read.
 */
final class ConnectorProcess implements AutoCloseable {

    private static final Pattern ADDRESS = Pattern.compile("cpc1[02-9ac-hj-np-z]{38,}");

    private final Path dir;
    private final String user;
    private final List<Process> started = new ArrayList<>();

    ConnectorProcess(Path dir, String user) {
        this.dir = dir;
        this.user = user;
    }

    static String jar() {
        String jar = System.getProperty("cm.it.connector.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("the worker-connector jar is missing (cm.it.connector.jar=" + jar + "): package worker-connector first");
        }
        return jar;
    }

    static String serverUrl() {
        return "http://127.0.0.1:" + (8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0));
    }

    Path log(String name) {
        return dir.resolve(name + ".log");
    }

    /** Runs a command to its end; its exit code. */
    int call(String name, String... args) throws IOException, InterruptedException {
        Process p = start(name, args);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(name + " did not finish: " + output(name));
        }
        return p.exitValue();
    }

    /** Starts a command in the background (e.g. {@code run}); stopped by {@link #close}. */
    Process start(String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(name).toFile());
        Map<String, String> env = builder.environment();
        env.put("CM_WORKER_PASSPHRASE", "it-worker-passphrase");
        env.put("CM_IT_PASSWORD", user); // the demo users' passwords equal their names
        Process p = builder.start();
        started.add(p);
        return p;
    }

    String[] key() {
        return new String[] {"--keystore", dir.resolve("worker-key.pem").toString()};
    }

    String[] login() {
        return new String[] {"--issuer", Tokens.providerUrl(), "--username", user, "--password-env", "CM_IT_PASSWORD"};
    }

    String output(String name) {
        try {
            return Files.exists(log(name)) ? Files.readString(log(name), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Creates the key, enrols it for synthetic work; its address. */
    String createAndEnrol() throws IOException, InterruptedException {
        return createAndEnrol("synthetic");
    }

    /** Creates the key, enrols it for these challenge types (comma-separated); its address. */
    String createAndEnrol(String challengeTypes) throws IOException, InterruptedException {
        if (call("keys", concat(new String[] {"keys", "create"}, key())) != 0) {
            throw new AssertionError("keys create failed: " + output("keys"));
        }
        Matcher m = ADDRESS.matcher(output("keys"));
        if (!m.find()) {
            throw new AssertionError("keys create printed no address: " + output("keys"));
        }
        String[] enrol = concat(concat(new String[] {"enrol"}, key()), login());
        if (call("enrol", concat(enrol, new String[] {"--server", serverUrl(), "--challenge-types", challengeTypes})) != 0) {
            throw new AssertionError("enrol failed: " + output("enrol"));
        }
        return m.group();
    }

    /** {@code run} with the given extra options. */
    Process run(String... extra) throws IOException {
        String[] run = concat(concat(new String[] {"run"}, key()), login());
        return start("run", concat(run, concat(new String[] {"--server", serverUrl(), "--capacity", "2",
                "--challenge-types", "synthetic", "--status-interval", "5"}, extra)));
    }

    /** {@code run} for these challenge types with the given extra options. */
    Process runFor(String challengeTypes, String... extra) throws IOException {
        String[] run = concat(concat(new String[] {"run"}, key()), login());
        return start("run", concat(run, concat(new String[] {"--server", serverUrl(), "--capacity", "2",
                "--challenge-types", challengeTypes, "--status-interval", "5"}, extra)));
    }

    /** {@code models pull} of one catalogue model into {@code modelsDir}; its exit code. */
    int pull(String model, Path modelsDir) throws IOException, InterruptedException {
        String[] pull = concat(new String[] {"models", "pull", model}, login());
        return call("pull-" + model, concat(pull, new String[] {"--server", serverUrl(), "--models-dir", modelsDir.toString()}));
    }

    static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroy(); // SIGTERM: the connector returns or finishes its jobs and exits
                if (!p.waitFor(40, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }
}
