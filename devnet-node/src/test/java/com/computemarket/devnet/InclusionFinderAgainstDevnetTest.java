package com.computemarket.devnet;

import static com.computemarket.devnet.TestChain.ALICE;
import static com.computemarket.devnet.TestChain.BOB;
import static com.computemarket.devnet.TestChain.FAUCET;
import static com.computemarket.devnet.TestChain.WORKER;
import static com.computemarket.devnet.TestChain.cpc;
import static com.computemarket.devnet.TestChain.result;
import static com.computemarket.devnet.TestChain.submitResult;
import static com.computemarket.devnet.TestChain.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.chain.protocol.Transaction;
import com.computemarket.chain.rpc.ChainClient;
import com.computemarket.chain.rpc.ComputeRootCheck;
import com.computemarket.chain.rpc.Inclusion;
import com.computemarket.chain.rpc.InclusionFinder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The finder against an in-process devnet node: it finds what the node includes, and gives up at its deadline. */
@Timeout(60)
class InclusionFinderAgainstDevnetTest {

    @TempDir
    Path dir;

    @Test
    void findsTransactionsByScanningBlocks() {
        try (DevnetNode node = DevnetNode.start(TestChain.config(dir, Duration.ofMillis(100)))) {
            ChainClient client = new ChainClient(node.baseUrl());
            long start = client.status().height();
            Transaction pay = transfer(FAUCET, ALICE.address(), cpc(1), 0);
            Transaction result = submitResult(WORKER, result(WORKER, "task-9"), 0);
            client.send(pay);
            client.send(result);

            Map<String, Inclusion> found = new InclusionFinder(client, Duration.ofMillis(50))
                    .findAll(List.of(pay.hash(), result.hash().toUpperCase()), start, Duration.ofSeconds(10));
            assertEquals(2, found.size());
            Inclusion inclusion = found.get(result.hash());
            assertEquals(result, inclusion.tx());
            assertTrue(inclusion.height() > start);
            assertTrue(ComputeRootCheck.check(inclusion).committed());
        }
    }

    @Test
    void givesUpAtTheDeadline() {
        try (DevnetNode node = DevnetNode.start(TestChain.config(dir, Duration.ofMillis(100)))) {
            long begin = System.nanoTime();
            assertTrue(new InclusionFinder(new ChainClient(node.baseUrl()), Duration.ofMillis(50))
                    .find(transfer(BOB, ALICE.address(), cpc(1), 0).hash(), 0, Duration.ofMillis(400)).isEmpty());
            long tookMillis = (System.nanoTime() - begin) / 1_000_000;
            assertTrue(tookMillis >= 400 && tookMillis < 5000, "took " + tookMillis + " ms");
        }
    }
}
