package com.computemarket.devnet;

import static com.computemarket.devnet.TestChain.ALICE;
import static com.computemarket.devnet.TestChain.BOB;
import static com.computemarket.devnet.TestChain.FAUCET;
import static com.computemarket.devnet.TestChain.PREMINE;
import static com.computemarket.devnet.TestChain.TREASURY;
import static com.computemarket.devnet.TestChain.WORKER;
import static com.computemarket.devnet.TestChain.WORKER_2;
import static com.computemarket.devnet.TestChain.cpc;
import static com.computemarket.devnet.TestChain.result;
import static com.computemarket.devnet.TestChain.submitResult;
import static com.computemarket.devnet.TestChain.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.chain.crypto.Hexes;
import com.computemarket.chain.protocol.Block;
import com.computemarket.chain.protocol.ChainJson;
import com.computemarket.chain.protocol.ComputeResult;
import com.computemarket.chain.protocol.Merkle;
import com.computemarket.chain.protocol.Transaction;
import com.computemarket.chain.protocol.TxType;
import com.computemarket.chain.rpc.ChainClient;
import com.computemarket.chain.rpc.ComputeRootCheck;
import com.computemarket.chain.rpc.Inclusion;
import com.computemarket.chain.rpc.InclusionFinder;
import com.computemarket.chain.rpc.TxReceipt;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The devnet as a client sees it: blocks, balances, fees, nonces, persistence and bad input. */
@Timeout(60)
class DevnetNodeTest {

    private static final Duration FAST = Duration.ofMillis(100);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private DevnetNode node;

    @AfterEach
    void stop() {
        if (node != null) node.close();
    }

    private DevnetNode start(Duration blockTime) {
        node = DevnetNode.start(TestChain.config(dir, blockTime));
        return node;
    }

    private ChainClient client() {
        return new ChainClient(node.baseUrl());
    }

    private Inclusion included(Transaction tx) {
        return new InclusionFinder(client(), Duration.ofMillis(50)).find(tx.hash(), 0, WAIT)
                .orElseThrow(() -> new AssertionError("tx " + tx.hash() + " not included within " + WAIT));
    }

    private JsonNode getJson(String path) {
        HttpResponse<String> response = TestChain.get(node.baseUrl(), path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return ChainJson.parse(response.body());
    }

    @Test
    void transferIsIncludedAndOnlyBaseGasTimesGasPriceIsCharged() {
        start(FAST);
        // gas price 2000 and a declared fee above the needed 42,000,000: only the needed fee is charged
        Transaction tx = Transaction.unsigned(TxType.TRANSFER, FAUCET.address(), BOB.address(), cpc(100),
                BigInteger.valueOf(50_000_000), BigInteger.ZERO, BigInteger.valueOf(2000), BigInteger.valueOf(21_000),
                null).signedBy(FAUCET);
        assertEquals("received", client().send(tx).delivery().name().toLowerCase());
        Inclusion inclusion = included(tx);

        BigInteger fee = BigInteger.valueOf(42_000_000);
        assertEquals(PREMINE.subtract(cpc(100)).subtract(fee), client().balance(FAUCET.address()).balance());
        assertEquals(BigInteger.ONE, client().balance(FAUCET.address()).nonce());
        assertEquals(cpc(1100), client().balance(BOB.address()).balance());
        // 10 % of fees to the treasury; the proposer gets 7 CPC a block plus 90 % of fees
        assertEquals(BigInteger.valueOf(4_200_000), client().balance(TREASURY).balance());
        String rewardAddress = client().validators().get(0).rewardAddress();
        assertEquals(BigInteger.valueOf(37_800_000), client().balance(rewardAddress).balance().mod(cpc(7)));

        Block block = inclusion.block();
        assertEquals(21_000, block.header().gasUsed());
        assertEquals(50_000_000, block.header().gasLimit());
        assertEquals("", block.header().computeRoot());
        assertEquals(Merkle.txRoot(block.txs()), block.header().txRoot());

        TxReceipt receipt = client().receipt(tx.hash()).orElseThrow();
        assertEquals("confirmed", receipt.status());
        assertEquals(inclusion.height(), receipt.blockHeight());
        assertTrue(receipt.confirmations() >= 1);
    }

    @Test
    void submitResultsAreCommittedByTheComputeRoot() {
        start(Duration.ofHours(1));
        Transaction first = submitResult(WORKER, result(WORKER, "task-1"), 0);
        Transaction transfer = transfer(ALICE, BOB.address(), cpc(1), 0);
        Transaction second = submitResult(WORKER_2, result(WORKER_2, "задача-2 ✓"), 0);
        for (Transaction tx : List.of(first, transfer, second)) client().send(tx);
        Block block = node.produceBlock();

        assertEquals(3, block.txs().size());
        List<byte[]> leaves = List.of(ComputeResult.fromPayload(first.payload()).leaf(),
                ComputeResult.fromPayload(second.payload()).leaf());
        assertEquals(Hex.toHexString(Merkle.root(leaves)), block.header().computeRoot());
        assertEquals(80_000 + 21_000 + 80_000, block.header().gasUsed());
        for (Transaction tx : List.of(first, second)) {
            Inclusion inclusion = new InclusionFinder(client()).find(tx.hash(), 0, Duration.ofMillis(1)).orElseThrow();
            assertTrue(ComputeRootCheck.check(inclusion).committed(), "leaf of " + tx.hash() + " committed");
        }
        // the worker pays 80,000 gas x 1000 and is paid nothing by the chain
        assertEquals(cpc(1000).subtract(BigInteger.valueOf(80_000_000)), client().balance(WORKER.address()).balance());
    }

    @Test
    void futureNoncesQueueAndNonceReportsTheFirstGap() {
        start(Duration.ofHours(1));
        ChainClient client = client();
        client.send(transfer(ALICE, BOB.address(), cpc(1), 2));
        assertEquals(BigInteger.ZERO, client.nonce(ALICE.address(), true));
        assertEquals(0, client.status().mempoolSize());

        client.send(transfer(ALICE, BOB.address(), cpc(1), 0));
        assertEquals(BigInteger.ONE, client.nonce(ALICE.address(), true));
        client.send(transfer(ALICE, BOB.address(), cpc(1), 1));
        assertEquals(BigInteger.valueOf(3), client.nonce(ALICE.address(), true));
        assertEquals(BigInteger.ZERO, client.nonce(ALICE.address(), false));

        // like the real node, only the confirmed nonce is "ready"; the rest is promoted after each block
        assertEquals(1, node.produceBlock().txs().size());
        assertEquals(BigInteger.ONE, client.nonce(ALICE.address(), false));
        assertEquals(2, client.status().mempoolSize());
        assertEquals(2, node.produceBlock().txs().size());
        assertEquals(BigInteger.valueOf(3), client.nonce(ALICE.address(), false));
        assertEquals(cpc(997).subtract(BigInteger.valueOf(3 * 21_000_000L)), client.balance(ALICE.address()).balance());
    }

    @Test
    void aSecondTransactionWithAUsedNonceFailsAndItsReceiptSaysSo() {
        start(Duration.ofHours(1));
        Transaction one = transfer(ALICE, BOB.address(), cpc(1), 0);
        Transaction other = transfer(ALICE, BOB.address(), cpc(2), 0);
        client().send(one);
        client().send(other); // the real node takes both into the pool; one of them cannot execute
        Block block = node.produceBlock();
        assertEquals(1, block.txs().size());
        String loser = block.txs().get(0).hash().equals(one.hash()) ? other.hash() : one.hash();
        TxReceipt receipt = client().receipt(loser).orElseThrow();
        assertEquals("failed", receipt.status());
        assertTrue(receipt.error().startsWith("Invalid nonce"), receipt.error());
    }

    @Test
    void emptyBlocksComeOnScheduleAndEveryBlockIsSignedAndChained() throws Exception {
        start(FAST);
        Thread.sleep(700);
        long height = client().status().height();
        assertTrue(height >= 3, "height " + height);

        byte[] validatorKey = Hexes.decode(client().validators().get(0).pqPubKey(), "pq_pub_key");
        String prev = "0".repeat(64);
        for (long h = 0; h <= height; h++) {
            String text = TestChain.get(node.baseUrl(), "block/" + h).body();
            Block block = Block.fromJson(text);
            assertEquals(text, block.toJson(), "block JSON round-trips through Block.fromJson");
            assertEquals(h, block.header().height());
            assertEquals(prev, block.header().prevHash());
            assertEquals(node.validatorAddress(), block.header().proposerAddress());
            assertEquals("cpc-devnet-1", block.header().chainId());
            assertEquals(1, block.pqSigSchemeId());
            assertTrue(block.signatureValid(validatorKey), "block " + h + " signature");
            assertTrue(block.txs().isEmpty());
            assertEquals("0".repeat(64), block.header().txRoot());
            assertEquals("", block.header().computeRoot());
            prev = block.hash();
        }
    }

    @Test
    void restartKeepsTheChainAndContinuesIt() throws IOException {
        start(FAST);
        Transaction tx = transfer(FAUCET, ALICE.address(), cpc(5), 0);
        client().send(tx);
        Inclusion inclusion = included(tx);
        String blockText = TestChain.get(node.baseUrl(), "block/" + inclusion.height()).body();
        String validator = node.validatorAddress();
        node.close();
        node = null;
        long height;
        try (DevnetNode restarted = DevnetNode.start(TestChain.config(dir, Duration.ofHours(1)))) {
            ChainClient client = new ChainClient(restarted.baseUrl());
            height = client.status().height();
            assertTrue(height >= inclusion.height());
            assertEquals(blockText, TestChain.get(restarted.baseUrl(), "block/" + inclusion.height()).body());
            assertEquals(cpc(1005), client.balance(ALICE.address()).balance());
            assertEquals(BigInteger.ONE, client.nonce(FAUCET.address(), false));
            assertEquals(validator, restarted.validatorAddress());
            assertEquals("confirmed", client.receipt(tx.hash()).orElseThrow().status());
            Block next = restarted.produceBlock();
            assertEquals(height + 1, next.header().height());
            assertEquals(client.block(height).orElseThrow().hash(), next.header().prevHash());
        }
        // a crash mid-write leaves a torn last line; a line that is complete but unreadable is dropped as well
        Files.writeString(dir.resolve("blocks.jsonl"), "{\"header\":{\"height\":", StandardOpenOption.APPEND);
        try (DevnetNode restarted = DevnetNode.start(TestChain.config(dir, Duration.ofHours(1)))) {
            assertEquals(height + 1, new ChainClient(restarted.baseUrl()).status().height());
        }
        Files.writeString(dir.resolve("blocks.jsonl"), "not json\n", StandardOpenOption.APPEND);
        try (DevnetNode restarted = DevnetNode.start(TestChain.config(dir, Duration.ofHours(1)))) {
            assertEquals(height + 1, new ChainClient(restarted.baseUrl()).status().height());
            assertEquals(height + 2, restarted.produceBlock().header().height());
        }
    }

    @Test
    void aDamagedBlockInsideTheLogStopsTheNode() throws IOException {
        start(Duration.ofHours(1));
        node.produceBlock();
        node.produceBlock();
        node.close();
        node = null;
        Path log = dir.resolve("blocks.jsonl");
        List<String> lines = Files.readAllLines(log);
        lines.set(1, lines.get(1).replace("\"gas_used\":0", "\"gas_used\":1"));
        Files.write(log, lines);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DevnetNode.start(TestChain.config(dir, Duration.ofHours(1))));
        assertTrue(e.getMessage().contains("block 1"), e.getMessage());
    }

    @Test
    void badInputGetsAClearErrorAndChangesNothing() {
        start(Duration.ofHours(1));
        JsonNode before = getJson("balance/" + FAUCET.address());

        HttpResponse<String> tooBig = TestChain.post(node.baseUrl(), "tx/send", "{\"pad\":\"" + "x".repeat(128 * 1024) + "\"}");
        assertEquals(413, tooBig.statusCode());
        assertTrue(ChainJson.parse(tooBig.body()).get("detail").asText().contains("131072"));

        assertSchemaError("{\"tx_type\":\"TRANSFER\",", "json_invalid", List.of("body"));
        assertSchemaError("[1,2]", "model_attributes_type", List.of("body"));
        String valid = transfer(FAUCET, ALICE.address(), cpc(1), 0).toJson();
        assertSchemaError(valid.replace("\"nonce\":0", "\"nonce\":\"zero\""), "int_parsing", List.of("body", "nonce"));
        assertSchemaError(valid.replace("\"amount\":1000000000000000000", "\"amount\":1.5"), "int_from_float",
                List.of("body", "amount"));
        assertSchemaError(valid.replace("\"TRANSFER\"", "\"MINT\""), "enum", List.of("body", "tx_type"));

        HttpResponse<String> notFound = TestChain.get(node.baseUrl(), "no/such/path");
        assertEquals(404, notFound.statusCode());
        assertEquals("{\"detail\":\"Not Found\"}", notFound.body());
        assertEquals(405, TestChain.get(node.baseUrl(), "tx/send").statusCode());
        assertEquals(405, TestChain.post(node.baseUrl(), "status", "{}").statusCode());
        assertEquals("{\"detail\":\"Block not found\"}", TestChain.get(node.baseUrl(), "block/99").body());
        assertEquals(422, TestChain.get(node.baseUrl(), "block/top").statusCode());
        assertEquals(422, TestChain.get(node.baseUrl(), "balance/cpc1typo").statusCode());
        assertEquals(422, TestChain.get(node.baseUrl(), "nonce/" + ALICE.address() + "?pending=maybe").statusCode());
        assertEquals(404, TestChain.get(node.baseUrl(), "tx/" + "ab".repeat(32) + "/receipt").statusCode());
        assertEquals(404, TestChain.get(node.baseUrl(), "validator/cpcvalcons1unknown").statusCode());

        assertEquals(before, getJson("balance/" + FAUCET.address()));
        assertEquals(0, getJson("status").get("mempool_size").asInt());
        assertEquals(0, getJson("status").get("height").asInt());
    }

    private void assertSchemaError(String body, String type, List<String> loc) {
        HttpResponse<String> response = TestChain.post(node.baseUrl(), "tx/send", body);
        assertEquals(422, response.statusCode(), response.body());
        JsonNode first = ChainJson.parse(response.body()).get("detail").get(0);
        assertEquals(type, first.get("type").asText(), response.body());
        assertEquals(loc, ChainJson.mapper().convertValue(first.get("loc"), List.class));
        assertNotEquals("", first.get("msg").asText());
    }

    @Test
    void statusBalanceNonceAndValidatorsHaveTheRealNodesShapes() {
        start(Duration.ofHours(1));
        JsonNode status = getJson("status");
        assertEquals(List.of("height", "last_hash", "network", "mempool_size", "epoch"), fieldNames(status));
        assertEquals("devnet", status.get("network").asText());

        JsonNode balance = getJson("balance/" + FAUCET.address());
        assertEquals(List.of("address", "balance", "nonce"), fieldNames(balance));
        assertTrue(balance.get("balance").isTextual(), "balance is a decimal string");
        assertEquals(PREMINE.toString(), balance.get("balance").asText());

        JsonNode nonce = getJson("nonce/" + FAUCET.address() + "?pending=false");
        assertEquals(List.of("address", "nonce", "pending"), fieldNames(nonce));
        assertEquals(false, nonce.get("pending").asBoolean());

        JsonNode validators = getJson("validators");
        JsonNode validator = validators.get("validators").get(0);
        assertTrue(validator.get("power").isBigInteger(), "power is a bare JSON number above 2^64");
        assertTrue(validator.get("power").bigIntegerValue().bitLength() > 64);
        assertEquals(validator, getJson("validator/" + node.validatorAddress()));

        String treasury = getJson("balance/" + TREASURY).get("balance").asText();
        assertEquals("0", treasury);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void stateRootIsTheHashOfTheSortedAccountLines() {
        Accounts accounts = new Accounts();
        accounts.credit("cpc1b", BigInteger.valueOf(5));
        accounts.credit("cpc1a", BigInteger.TEN);
        accounts.chargeAndBumpNonce("cpc1a", BigInteger.ONE);
        accounts.credit("cpc1zero", BigInteger.ZERO);
        String text = "cpc1a:9:1\ncpc1b:5:0\n";
        assertEquals(Hex.toHexString(com.computemarket.chain.crypto.Hashes.sha256(text.getBytes(StandardCharsets.UTF_8))),
                accounts.stateRoot());
    }
}
