package com.computemarket.load;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** The driver's settings, from {@code --name=value} arguments; {@code --help} lists them. */
final class Options {

    static final Map<String, String[]> KNOWN = new LinkedHashMap<>();

    static {
        def("api", "http://127.0.0.1:8080", "base URL of the marketplace (the API is under /api, the worker socket at /worker)");
        def("oidc", "http://127.0.0.1:8180/realms/computemarket", "Keycloak realm URL (password grant, client marketplace-cli)");
        def("workers", "20", "simulated workers to enrol and connect (split between operators worker and worker2)");
        def("capacity", "8", "job slots each worker announces in hello");
        def("clients", "8", "client threads POSTing tasks (split between customer/acme and customer2/globex)");
        def("rate", "0", "target tasks/s over all clients; 0 = each client as fast as it can (closed loop)");
        def("warmup", "15", "seconds of load before measuring; tasks sent then are not counted");
        def("duration", "60", "seconds measured");
        def("drain", "30", "seconds to wait after the measured window for its tasks' jobs to arrive");
        def("challenge", "synthetic", "challenge type of the tasks: inference (1 embedding job of --model, which the catalogue "
                + "must offer and the simulated workers must announce; measures dispatch alone) or synthetic (1 job: 10 iterations; the simulated workers compute nothing, so the verifier "
                + "rejects their results after cm.verification.response-time and suspends them: keep such runs shorter)");
        def("model", "all-minilm-l6-v2", "with --challenge inference: the catalogue's embedding model the tasks name");
        def("reward", "0.001", "reward per task, CPC");
        def("fund", "100000", "CPC credited by admin to each organization before the run (0: none)");
        def("markdown", "", "append a result row to this markdown file (e.g. docs/benchmarks.md)");
        def("label", "", "free text for the markdown row (machine, database, notes)");
    }

    private static void def(String name, String value, String help) {
        KNOWN.put(name, new String[]{value, help});
    }

    private final Map<String, String> values = new LinkedHashMap<>();

    static Options parse(String[] args) {
        Options o = new Options();
        KNOWN.forEach((k, v) -> o.values.put(k, v[0]));
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                usage();
                System.exit(0);
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0 || !KNOWN.containsKey(arg.substring(2, eq))) {
                System.err.println("unknown argument: " + arg);
                usage();
                System.exit(2);
            }
            o.values.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return o;
    }

    static void usage() {
        System.err.println("bin/load [--name=value ...]");
        KNOWN.forEach((k, v) -> System.err.printf("  --%-10s %s (default: %s)%n", k, v[1], v[0].isEmpty() ? "none" : v[0]));
    }

    String text(String name) {
        return values.get(name);
    }

    int integer(String name) {
        return Integer.parseInt(values.get(name));
    }

    double decimal(String name) {
        return Double.parseDouble(values.get(name));
    }

    URI api() {
        String base = text("api");
        return URI.create(base.endsWith("/") ? base : base + "/");
    }

    URI workerSocket() {
        URI api = api();
        String scheme = api.getScheme().equals("https") ? "wss" : "ws";
        return URI.create(scheme + "://" + api.getRawAuthority() + "/worker");
    }

    /** The settings as one line, for the report. */
    String summary() {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> {
            if (!k.equals("markdown") && !k.equals("label")) {
                b.append(b.isEmpty() ? "" : " ").append("--").append(k).append('=').append(v);
            }
        });
        return b.toString();
    }
}
