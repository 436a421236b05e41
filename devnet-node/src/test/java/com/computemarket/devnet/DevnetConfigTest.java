package com.computemarket.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DevnetConfigTest {

    private static final String ADDR = "cpc149t3wmuuf9fc25yylu0t7pzm5g0622a8tjf606";

    @Test
    void defaultsAreTheRealNodesPortAndBlockTimeOnLoopback() {
        DevnetConfig c = DevnetConfig.fromArgs(new String[0], Map.of());
        assertEquals("127.0.0.1", c.host());
        assertEquals(8000, c.port());
        assertEquals(Duration.ofSeconds(5), c.blockTime());
        assertEquals(Path.of("devnet-data"), c.dataDir());
        assertTrue(c.genesisFunds().isEmpty());
    }

    @Test
    void flagsOverrideEnvironment() {
        Map<String, String> env = Map.of("CM_DEVNET_PORT", "9000", "CM_DEVNET_HOST", "0.0.0.0",
                "CM_DEVNET_BLOCK_TIME", "2s", "CM_DEVNET_DATA_DIR", "/tmp/a", "CM_DEVNET_FUND", ADDR + "=5, cpc1x=6");
        DevnetConfig fromEnv = DevnetConfig.fromArgs(new String[0], env);
        assertEquals(9000, fromEnv.port());
        assertEquals("0.0.0.0", fromEnv.host());
        assertEquals(Duration.ofSeconds(2), fromEnv.blockTime());
        assertEquals(Map.of(ADDR, BigInteger.valueOf(5), "cpc1x", BigInteger.valueOf(6)), fromEnv.genesisFunds());

        DevnetConfig c = DevnetConfig.fromArgs(new String[] {"--port", "9100", "--block-time=200ms", "--data-dir", "d",
                "--fund", ADDR + "=1000000000000000000000000000000"}, env);
        assertEquals(9100, c.port());
        assertEquals(Duration.ofMillis(200), c.blockTime());
        assertEquals(Path.of("d"), c.dataDir());
        assertEquals(new BigInteger("1000000000000000000000000000000"), c.genesisFunds().get(ADDR));
    }

    @Test
    void durations() {
        assertEquals(Duration.ofMillis(200), DevnetConfig.parseDuration("200ms"));
        assertEquals(Duration.ofSeconds(5), DevnetConfig.parseDuration("5"));
        assertEquals(Duration.ofMinutes(1), DevnetConfig.parseDuration("1m"));
        assertEquals(Duration.ofSeconds(30), DevnetConfig.parseDuration("PT30S"));
        assertThrows(IllegalArgumentException.class, () -> DevnetConfig.parseDuration("soon"));
    }

    @Test
    void badCommandLinesSayWhatIsWrong() {
        assertTrue(assertThrows(DevnetConfig.UsageException.class,
                () -> DevnetConfig.fromArgs(new String[] {"--port", "x"}, Map.of())).getMessage().contains("--port"));
        assertThrows(DevnetConfig.UsageException.class, () -> DevnetConfig.fromArgs(new String[] {"--fund", ADDR}, Map.of()));
        assertThrows(DevnetConfig.UsageException.class, () -> DevnetConfig.fromArgs(new String[] {"--block-time", "5ms"}, Map.of()));
        assertThrows(DevnetConfig.UsageException.class, () -> DevnetConfig.fromArgs(new String[] {"--colour"}, Map.of()));
        assertThrows(DevnetConfig.UsageException.class, () -> DevnetConfig.fromArgs(new String[] {"--port"}, Map.of()));
    }
}
