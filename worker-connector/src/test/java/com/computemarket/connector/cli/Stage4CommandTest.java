package com.computemarket.connector.cli;

import static com.computemarket.connector.cli.KeysCommandTest.assertOneLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.computemarket.connector.keys.Keystore;

import com.computemarket.challenge.synthetic.CpuBackend;
import com.computemarket.challenge.synthetic.SyntheticJob;
import com.computemarket.chain.crypto.Hashes;
import com.computemarket.chain.protocol.Block;
import com.computemarket.chain.protocol.ComputeResult;
import com.computemarket.chain.protocol.Transaction;
import com.computemarket.chain.protocol.TxType;
import com.computemarket.chain.rpc.ChainClient;
import com.computemarket.devnet.DevnetConfig;
import com.computemarket.devnet.DevnetNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** stage4 against the embedded devnet node (the same RPC and rules as the real node): the whole Stage 4 flow. */
class Stage4CommandTest {

    @TempDir
    Path home;

    String createKey(TestEnv env) {
        assertEquals(0, env.execute("keys", "create", "--keystore", home.resolve("w.pem").toString()).code());
        return new Keystore(home.resolve("w.pem"), env).load().address();
    }

    @Test
    void aTaskFromTheLatestBlockIsComputedSubmittedAndCommittedByItsBlocksComputeRoot() {
        TestEnv env = new TestEnv(home).passphrase("pw");
        String address = createKey(env);
        try (DevnetNode node = DevnetNode.start(DevnetConfig.forTests(home.resolve("devnet"), Duration.ofMillis(300))
                .withFund(address, BigInteger.TEN.pow(21)))) {

            TestEnv.Result r = env.execute("stage4", "--keystore", home.resolve("w.pem").toString(),
                    "--node", node.baseUrl().toString(), "--size", "64", "--timeout", "30");

            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("commits the result's leaf"), r.out());
            Matcher seedLine = Pattern.compile("block (\\d+) ([0-9a-f]{64}) -> seed ([0-9a-f]{64})").matcher(r.out());
            assertTrue(seedLine.find(), r.out());
            String expectedSeed = HexFormat.of().formatHex(Hashes.sha256((seedLine.group(2) + address).getBytes(StandardCharsets.UTF_8)));
            assertEquals(expectedSeed, seedLine.group(3), "seed = sha256(block_hash + worker_address)");
            Matcher included = Pattern.compile("included in block (\\d+)").matcher(r.out());
            assertTrue(included.find(), r.out());
            // independently: the block holds this worker's SUBMIT_RESULT with the challenge's result_hash
            Block block = new ChainClient(node.baseUrl()).block(Long.parseLong(included.group(1))).orElseThrow();
            Transaction tx = block.txs().stream().filter(t -> t.txType() == TxType.SUBMIT_RESULT).findFirst().orElseThrow();
            assertEquals(address, tx.fromAddress());
            ComputeResult result = ComputeResult.fromPayload(tx.payload());
            assertEquals(address, result.workerAddress());
            assertEquals(new CpuBackend().compute(new SyntheticJob(expectedSeed, 64, 0, 1)).resultHash(), result.resultHash());
        }
    }

    @Test
    void aWorkerWithoutCpcForTheFeeGetsOneClearLine() {
        TestEnv env = new TestEnv(home).passphrase("pw");
        createKey(env);
        try (DevnetNode node = DevnetNode.start(DevnetConfig.forTests(home.resolve("devnet"), Duration.ofMillis(300)))) {
            TestEnv.Result r = env.execute("stage4", "--keystore", home.resolve("w.pem").toString(),
                    "--node", node.baseUrl().toString(), "--size", "16", "--timeout", "5");
            assertEquals(ExitCodes.REFUSED, r.code(), r.out() + r.err());
            assertOneLine(r, "the L1 node refused the SUBMIT_RESULT");
        }
    }

    @Test
    void anUnreachableNodeIsOneLine() {
        TestEnv env = new TestEnv(home).passphrase("pw");
        createKey(env);
        TestEnv.Result r = env.execute("stage4", "--keystore", home.resolve("w.pem").toString(), "--node", "http://127.0.0.1:1");
        assertEquals(ExitCodes.UNREACHABLE, r.code(), r.err());
        assertOneLine(r, "did not answer");
    }
}
