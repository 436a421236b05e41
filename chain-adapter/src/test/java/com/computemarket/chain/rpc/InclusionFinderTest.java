package com.computemarket.chain.rpc;

import static com.computemarket.chain.devnet.TestChain.ALICE;
import static com.computemarket.chain.devnet.TestChain.BOB;
import static com.computemarket.chain.devnet.TestChain.FAUCET;
import static com.computemarket.chain.devnet.TestChain.WORKER;
import static com.computemarket.chain.devnet.TestChain.cpc;
import static com.computemarket.chain.devnet.TestChain.result;
import static com.computemarket.chain.devnet.TestChain.submitResult;
import static com.computemarket.chain.devnet.TestChain.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.chain.devnet.DevnetNode;
import com.computemarket.chain.devnet.TestChain;
import com.computemarket.chain.protocol.Transaction;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class InclusionFinderTest {

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

    @Test
    void aBlockWhoseTxRootDoesNotCommitToItsTransactionsIsNotProof() throws IOException {
        String real = ComputeRootCheckTest.realBlock(26);
        String forged = real.replace("b885bf3a0409d51a83f7e27abe27bf731d8f660e7c264cf45cdd8e013b198e47", "00".repeat(32));
        try (ScriptedNode node = new ScriptedNode()) {
            node.thenJson(200, "{\"height\":26,\"last_hash\":\"x\",\"network\":\"devnet\",\"mempool_size\":0,\"epoch\":0}")
                    .thenJson(200, forged);
            ChainRpcException e = assertThrows(ChainRpcException.class, () -> new InclusionFinder(new ChainClient(node.baseUrl()))
                    .find("233dc53ca19de2bdfd8a32eb10399f89b67432fbee2384298afe639433302fbc", 26, Duration.ofSeconds(1)));
            assertTrue(e.getMessage().contains("tx_root"), e.getMessage());
        }
    }
}
