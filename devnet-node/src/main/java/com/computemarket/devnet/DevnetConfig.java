package com.computemarket.devnet;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a devnet node runs. Command-line flags win over environment variables, which win over defaults.
 *
 * @param host          interface to bind ({@code --host}, {@code CM_DEVNET_HOST}, default 127.0.0.1)
 * @param port          TCP port, 0 for an ephemeral one ({@code --port}, {@code CM_DEVNET_PORT}, default 8000)
 * @param blockTime     interval between blocks ({@code --block-time}, {@code CM_DEVNET_BLOCK_TIME}, default 5s)
 * @param dataDir       where the block log, genesis and validator key live ({@code --data-dir},
 *                      {@code CM_DEVNET_DATA_DIR}, default ./devnet-data)
 * @param genesisFunds  extra genesis allocations on top of the faucet premine ({@code --fund addr=wei},
 *                      repeatable; {@code CM_DEVNET_FUND}, comma-separated); only read on the first start
 * @param mempoolMax    the real node's mempool capacity (answers {@code mempool_full} beyond it)
 * @param maxTxPerSender the real node's per-sender limit of ready transactions ({@code sender_limit_exceeded})
 * @param httpThreads   size of the bounded request thread pool
 */
public record DevnetConfig(String host, int port, Duration blockTime, Path dataDir,
                           Map<String, BigInteger> genesisFunds, int mempoolMax, int maxTxPerSender,
                           int httpThreads) {

    public static final int DEFAULT_PORT = 8000;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final Duration DEFAULT_BLOCK_TIME = Duration.ofSeconds(5);
    public static final Path DEFAULT_DATA_DIR = Path.of("devnet-data");

    public DevnetConfig {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("host is empty");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        if (blockTime == null || blockTime.toMillis() < 10) {
            throw new IllegalArgumentException("block time must be at least 10ms: " + blockTime);
        }
        if (dataDir == null) throw new IllegalArgumentException("data dir is missing");
        genesisFunds = Collections.unmodifiableMap(new LinkedHashMap<>(genesisFunds));
        genesisFunds.forEach((addr, wei) -> {
            if (wei.signum() < 0) throw new IllegalArgumentException("negative genesis allocation for " + addr);
        });
        if (mempoolMax < 1 || maxTxPerSender < 1 || httpThreads < 1) {
            throw new IllegalArgumentException("mempoolMax, maxTxPerSender and httpThreads must be positive");
        }
    }

    public static DevnetConfig defaults() {
        return new DevnetConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_BLOCK_TIME, DEFAULT_DATA_DIR, Map.of(),
                100_000, 1000, 8);
    }

    /** A node for tests: ephemeral port, the given data dir and block time. */
    public static DevnetConfig forTests(Path dataDir, Duration blockTime) {
        return defaults().withPort(0).withDataDir(dataDir).withBlockTime(blockTime);
    }

    public DevnetConfig withHost(String value) {
        return new DevnetConfig(value, port, blockTime, dataDir, genesisFunds, mempoolMax, maxTxPerSender, httpThreads);
    }

    public DevnetConfig withPort(int value) {
        return new DevnetConfig(host, value, blockTime, dataDir, genesisFunds, mempoolMax, maxTxPerSender, httpThreads);
    }

    public DevnetConfig withBlockTime(Duration value) {
        return new DevnetConfig(host, port, value, dataDir, genesisFunds, mempoolMax, maxTxPerSender, httpThreads);
    }

    public DevnetConfig withDataDir(Path value) {
        return new DevnetConfig(host, port, blockTime, value, genesisFunds, mempoolMax, maxTxPerSender, httpThreads);
    }

    public DevnetConfig withFund(String address, BigInteger wei) {
        Map<String, BigInteger> funds = new LinkedHashMap<>(genesisFunds);
        funds.put(address, wei);
        return new DevnetConfig(host, port, blockTime, dataDir, funds, mempoolMax, maxTxPerSender, httpThreads);
    }

    public DevnetConfig withMempoolLimits(int poolMax, int perSender) {
        return new DevnetConfig(host, port, blockTime, dataDir, genesisFunds, poolMax, perSender, httpThreads);
    }

    /**
     * Reads flags ({@code --port 8000} or {@code --port=8000}) over environment variables
     * ({@code CM_DEVNET_PORT}, {@code CM_DEVNET_HOST}, {@code CM_DEVNET_BLOCK_TIME}, {@code CM_DEVNET_DATA_DIR},
     * {@code CM_DEVNET_FUND}).
     */
    public static DevnetConfig fromArgs(String[] args, Map<String, String> env) {
        DevnetConfig config = defaults();
        String host = envValue(env, "CM_DEVNET_HOST");
        String port = envValue(env, "CM_DEVNET_PORT");
        String blockTime = envValue(env, "CM_DEVNET_BLOCK_TIME");
        String dataDir = envValue(env, "CM_DEVNET_DATA_DIR");
        String funds = envValue(env, "CM_DEVNET_FUND");
        try {
            if (host != null) config = config.withHost(host);
            if (port != null) config = config.withPort(parsePort(port));
            if (blockTime != null) config = config.withBlockTime(parseDuration(blockTime));
            if (dataDir != null) config = config.withDataDir(Path.of(dataDir));
            if (funds != null) {
                for (String item : funds.split("[,\\s]+")) if (!item.isBlank()) config = withFundSpec(config, item);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException("environment: " + e.getMessage());
        }

        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.equals("--help") || name.equals("-h")) throw new UsageException(usage());
            if (!name.startsWith("--")) throw new UsageException("unexpected argument: " + arg + "\n" + usage());
            if (!OPTIONS.contains(name)) throw new UsageException("unknown option: " + name + "\n" + usage());
            if (value == null) {
                if (i + 1 >= args.length) throw new UsageException("missing value for " + name + "\n" + usage());
                value = args[++i];
            }
            try {
                config = switch (name) {
                    case "--port" -> config.withPort(parsePort(value));
                    case "--host" -> config.withHost(value);
                    case "--block-time" -> config.withBlockTime(parseDuration(value));
                    case "--data-dir" -> config.withDataDir(Path.of(value));
                    case "--fund" -> withFundSpec(config, value);
                    default -> throw new IllegalStateException(name);
                };
            } catch (IllegalArgumentException e) {
                throw new UsageException(name + ": " + e.getMessage());
            }
        }
        return config;
    }

    private static final List<String> OPTIONS = List.of("--port", "--host", "--block-time", "--data-dir", "--fund");

    public static String usage() {
        return """
                usage: java -jar devnet-node-all.jar [options]
                  --port N            TCP port (default 8000; env CM_DEVNET_PORT; 0 = ephemeral)
                  --host H            bind address (default 127.0.0.1; env CM_DEVNET_HOST)
                  --block-time T      block interval, e.g. 5s, 200ms, 1m (default 5s; env CM_DEVNET_BLOCK_TIME)
                  --data-dir D        chain data directory (default ./devnet-data; env CM_DEVNET_DATA_DIR)
                  --fund ADDR=WEI     genesis allocation, repeatable, first start only
                                      (env CM_DEVNET_FUND, comma-separated)""";
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    /** Accepts {@code 200ms}, {@code 5s}, {@code 5} (seconds), {@code 1m}, {@code 1h}, or ISO-8601 {@code PT5S}. */
    public static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("pt")) return Duration.parse(t.toUpperCase(Locale.ROOT));
        Matcher m = DURATION.matcher(t);
        if (!m.matches()) throw new IllegalArgumentException("not a duration (try 5s or 200ms): " + text);
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port number: " + text);
        }
    }

    private static DevnetConfig withFundSpec(DevnetConfig config, String spec) {
        int eq = spec.lastIndexOf('=');
        if (eq <= 0) throw new IllegalArgumentException("--fund wants ADDRESS=WEI, got: " + spec);
        String address = spec.substring(0, eq).trim();
        try {
            return config.withFund(address, new BigInteger(spec.substring(eq + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--fund amount is not an integer number of wei: " + spec);
        }
    }

    private static String envValue(Map<String, String> env, String key) {
        String v = env.get(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** A command line the node cannot run with; {@code main} prints the message and exits with status 2. */
    public static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }
}
