package com.computemarket.devnet;

import static com.computemarket.devnet.TestChain.ALICE;
import static com.computemarket.devnet.TestChain.BOB;
import static com.computemarket.devnet.TestChain.FAUCET;
import static com.computemarket.devnet.TestChain.GAS_PRICE;
import static com.computemarket.devnet.TestChain.NOBODY;
import static com.computemarket.devnet.TestChain.WORKER;
import static com.computemarket.devnet.TestChain.cpc;
import static com.computemarket.devnet.TestChain.result;
import static com.computemarket.devnet.TestChain.submitResult;
import static com.computemarket.devnet.TestChain.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.chain.protocol.ChainJson;
import com.computemarket.chain.protocol.Transaction;
import com.computemarket.chain.protocol.TxType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /tx/send}: every rejection reason of the real node, in its order, and the devnet's deliberate extra
 * rejections. Blocks are produced by hand (block time 1 h), so the mempool holds still between checks.
 */
@Timeout(60)
class DevnetAdmissionTest {

    @TempDir
    Path dir;

    private DevnetNode node;

    @AfterEach
    void stop() {
        if (node != null) node.close();
    }

    private DevnetNode start(DevnetConfig config) {
        node = DevnetNode.start(config);
        return node;
    }

    private DevnetNode start() {
        return start(TestChain.config(dir, Duration.ofHours(1)));
    }

    private JsonNode send(String body) {
        HttpResponse<String> response = TestChain.post(node.baseUrl(), "tx/send", body);
        assertEquals(200, response.statusCode(), response.body());
        return ChainJson.parse(response.body());
    }

    private JsonNode send(Transaction tx) {
        JsonNode answer = send(tx.toJson());
        assertEquals(tx.hash(), answer.get("tx_hash").asText(), "the node answers with the tx hash");
        return answer;
    }

    private void assertRejected(String reason, Transaction tx) {
        JsonNode answer = send(tx);
        assertEquals("rejected", answer.get("status").asText(), answer.toString());
        assertEquals(reason, answer.get("error").asText());
    }

    private void assertReceived(Transaction tx) {
        JsonNode answer = send(tx);
        assertEquals("received", answer.get("status").asText(), answer.toString());
    }

    private static Transaction tx(TxType type, ChainKey from, String to, long amount, long fee, long nonce,
            long gasPrice, long gasLimit) {
        return Transaction.unsigned(type, from.address(), to, BigInteger.valueOf(amount), BigInteger.valueOf(fee),
                BigInteger.valueOf(nonce), BigInteger.valueOf(gasPrice), BigInteger.valueOf(gasLimit),
                type == TxType.SUBMIT_RESULT ? result(from, "t").toPayload() : null);
    }

    private JsonNode status() {
        return ChainJson.parse(TestChain.get(node.baseUrl(), "status").body());
    }

    @Test
    void feeAndGasChecksComeFirstWithTheRealNodesWording() {
        start();
        assertRejected("gas_price 999 < min 1000",
                tx(TxType.TRANSFER, ALICE, BOB.address(), 1, 21_000_000, 0, 999, 21_000).signedBy(ALICE));
        assertRejected("gas_limit 79999 < base_gas 80000",
                tx(TxType.SUBMIT_RESULT, WORKER, null, 0, 80_000_000, 0, 1000, 79_999).signedBy(WORKER));
        assertRejected("fee 79999999 < needed_fee 80000000",
                tx(TxType.SUBMIT_RESULT, WORKER, null, 0, 79_999_999, 0, 1000, 80_000).signedBy(WORKER));
        // order: a low gas price wins over a low fee, unsigned or not
        assertRejected("gas_price 5 < min 1000", tx(TxType.TRANSFER, NOBODY, BOB.address(), 0, 0, 0, 5, 0));
    }

    @Test
    void pocRewardIsAnUnknownTxType() {
        start();
        String body = transfer(ALICE, BOB.address(), cpc(1), 0).toJson().replace("\"TRANSFER\"", "\"POC_REWARD\"");
        JsonNode answer = send(body);
        assertEquals("rejected", answer.get("status").asText());
        assertEquals("unknown_tx_type", answer.get("error").asText());
        assertEquals(Transaction.fromJson(body).hash(), answer.get("tx_hash").asText());
    }

    @Test
    void signatureChecks() {
        start();
        Transaction unsigned = tx(TxType.TRANSFER, ALICE, BOB.address(), 1, 21_000_000, 0, 1000, 21_000);
        assertRejected("missing_sig_or_key", unsigned);
        assertRejected("missing_sig_or_key", unsigned.withPubKey(ALICE.publicKeyHex()));
        assertRejected("pub_key_mismatch", unsigned.signedBy(BOB));
        assertRejected("invalid_key_format: non-hexadecimal number found in fromhex() arg at position 0",
                unsigned.withPubKey("zz").withSignature("00"));
        assertRejected("invalid_key_format: fromhex() arg must contain an even number of hexadecimal digits",
                unsigned.withPubKey(ALICE.publicKeyHex() + "0").withSignature("00"));
        Transaction signed = unsigned.signedBy(ALICE);
        String sig = signed.signature();
        String flipped = (sig.charAt(0) == '0' ? "1" : "0") + sig.substring(1);
        assertRejected("invalid_signature", signed.withSignature(flipped));
        assertRejected("crypto_error: non-hexadecimal number found in fromhex() arg at position 2",
                signed.withSignature("00xyz"));
        assertEquals(0, status().get("mempool_size").asInt());
    }

    @Test
    void stateChecks() {
        start();
        assertRejected("transfer_amount_zero", transfer(ALICE, BOB.address(), BigInteger.ZERO, 0));
        assertRejected("insufficient_balance", transfer(NOBODY, BOB.address(), BigInteger.ONE, 0));
        // the declared fee must be covered, although only base_gas * gas_price is charged
        BigInteger balance = cpc(1000);
        Transaction bigFee = Transaction.unsigned(TxType.TRANSFER, ALICE.address(), BOB.address(),
                balance.subtract(BigInteger.valueOf(21_000_000)), BigInteger.valueOf(21_000_001), BigInteger.ZERO,
                GAS_PRICE, BigInteger.valueOf(21_000), null).signedBy(ALICE);
        assertRejected("insufficient_balance", bigFee);

        Transaction first = transfer(ALICE, BOB.address(), cpc(1), 0);
        assertReceived(first);
        assertRejected("already_in_pool", first);
        node.produceBlock();
        assertRejected("nonce_too_low", first);
        assertRejected("nonce_too_low", transfer(ALICE, BOB.address(), cpc(2), 0));
    }

    @Test
    void aSendersSixtyFifthFutureNonceIsRefused() {
        start();
        for (int nonce = 1; nonce <= 64; nonce++) assertReceived(transfer(ALICE, BOB.address(), cpc(1), nonce));
        assertRejected("queued_limit_exceeded", transfer(ALICE, BOB.address(), cpc(1), 65));
        assertRejected("already_in_pool", transfer(ALICE, BOB.address(), cpc(1), 64));
        assertEquals(0, status().get("mempool_size").asInt(), "queued transactions are not in mempool_size");
    }

    @Test
    void fullMempoolAndBusySender() {
        start(TestChain.config(dir, Duration.ofHours(1)).withMempoolLimits(2, 1));
        assertReceived(transfer(ALICE, BOB.address(), cpc(1), 0));
        assertRejected("sender_limit_exceeded", transfer(ALICE, BOB.address(), cpc(1), 1));
        assertReceived(transfer(BOB, ALICE.address(), cpc(1), 0));
        assertRejected("mempool_full", transfer(FAUCET, ALICE.address(), cpc(1), 0));
    }

    @Test
    void deliberateRejectionsWhereTheRealNodeDropsSilently() {
        start();
        ObjectNode otherWorker = result(ALICE, "t").toPayload();
        assertRejected("worker_address_mismatch: payload worker_address " + ALICE.address() + " is not the sender "
                        + WORKER.address(),
                Transaction.unsigned(TxType.SUBMIT_RESULT, WORKER.address(), null, BigInteger.ZERO, BigInteger.ZERO,
                        GAS_PRICE, otherWorker).signedBy(WORKER));

        ObjectNode missing = result(WORKER, "t").toPayload();
        missing.remove("proof");
        JsonNode answer = send(Transaction.unsigned(TxType.SUBMIT_RESULT, WORKER.address(), null, BigInteger.ZERO,
                BigInteger.ZERO, GAS_PRICE, missing).signedBy(WORKER));
        assertTrue(answer.get("error").asText().startsWith("invalid_compute_result: "), answer.toString());
        assertTrue(answer.get("error").asText().contains("proof"), answer.toString());

        ObjectNode badNonce = result(WORKER, "t").toPayload();
        badNonce.put("nonce", "seven");
        answer = send(Transaction.unsigned(TxType.SUBMIT_RESULT, WORKER.address(), null, BigInteger.ZERO,
                BigInteger.ZERO, GAS_PRICE, badNonce).signedBy(WORKER));
        assertTrue(answer.get("error").asText().startsWith("invalid_compute_result: "), answer.toString());

        assertRejected("missing_to_address", transfer(ALICE, null, cpc(1), 0));
        assertRejected("invalid_to_address: cpc1nothing", transfer(ALICE, "cpc1nothing", cpc(1), 0));
        assertRejected("negative_amount", transfer(ALICE, BOB.address(), BigInteger.valueOf(-5), 0));
        answer = send(tx(TxType.STAKE, ALICE, null, 1, 40_000_000, 0, 1000, 40_000).signedBy(ALICE));
        assertEquals("unsupported_tx_type: STAKE is not executed by the devnet", answer.get("error").asText());

        // nothing reached the mempool and the sender's nonce did not move
        assertEquals(0, status().get("mempool_size").asInt());
        assertEquals(0, ChainJson.parse(TestChain.get(node.baseUrl(), "nonce/" + WORKER.address()).body())
                .get("nonce").asInt());
    }

    @Test
    void acceptedValidSubmitResult() {
        start();
        assertReceived(submitResult(WORKER, result(WORKER, "task-1"), 0));
        assertEquals(1, status().get("mempool_size").asInt());
    }
}
