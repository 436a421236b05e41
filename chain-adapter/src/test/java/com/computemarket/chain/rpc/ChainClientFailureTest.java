package com.computemarket.chain.rpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.chain.protocol.Transaction;
import com.computemarket.chain.protocol.TxType;
import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How the client maps what a node answers (or does not) to outcomes and exceptions; a scripted node plays the node. */
@Timeout(60)
class ChainClientFailureTest {

    private static final ChainKey KEY = ChainKey.fromHex("11".repeat(32));
    private static final Transaction TX = Transaction.unsigned(TxType.TRANSFER, KEY.address(),
            ChainKey.fromHex("22".repeat(32)).address(), BigInteger.TEN, BigInteger.ZERO, BigInteger.valueOf(1000), null)
            .signedBy(KEY);
    private static final RpcSettings QUICK = RpcSettings.defaults()
            .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500))
            .withRetries(3, Duration.ofMillis(10), Duration.ofMillis(40));

    private ScriptedNode node;
    private ChainClient client;

    @BeforeEach
    void start() throws IOException {
        node = new ScriptedNode();
        client = new ChainClient(node.baseUrl(), QUICK);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private static String answer(String status, String error) {
        return "{\"tx_hash\":\"" + TX.hash() + "\",\"status\":\"" + status + "\""
                + (error == null ? "" : ",\"error\":\"" + error + "\"") + "}";
    }

    @Test
    void aRejectionCarriesTheNodesReasonVerbatimAndTheHash() {
        node.thenJson(200, answer("rejected", "fee 79999999 < needed_fee 80000000"));
        TxRejectedException e = assertThrows(TxRejectedException.class, () -> client.send(TX));
        assertEquals("fee 79999999 < needed_fee 80000000", e.reason());
        assertEquals(TX.hash(), e.txHash());
        assertEquals(1, node.requests().size(), "a rejection is final");
    }

    @Test
    void alreadyInPoolOnTheFirstAttemptIsARejection() {
        node.thenJson(200, answer("rejected", "already_in_pool"));
        assertEquals("already_in_pool", assertThrows(TxRejectedException.class, () -> client.send(TX)).reason());
    }

    @Test
    void status422CarriesFastApisDetail() {
        node.thenJson(422, "{\"detail\":[{\"type\":\"int_parsing\",\"loc\":[\"body\",\"nonce\"],\"msg\":\"Input should be a valid integer\"}]}");
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> client.send(TX));
        assertEquals("nonce", e.detail().get(0).get("loc").get(1).asText());
        assertEquals(422, e.httpStatus());
        assertTrue(e.getMessage().contains("Input should be a valid integer"), e.getMessage());
    }

    @Test
    void aNodeThatHashesDifferentlyIsNotTrusted() {
        node.thenJson(200, "{\"tx_hash\":\"" + "00".repeat(32) + "\",\"status\":\"received\"}");
        ChainRpcException e = assertThrows(ChainRpcException.class, () -> client.send(TX));
        assertTrue(e.getMessage().contains("disagree"), e.getMessage());
    }

    @Test
    void aGatewayErrorIsRetriedWithTheSameBytes() {
        node.thenJson(503, "{\"detail\":\"Node not initialized\"}").thenJson(200, answer("received", null));
        SendOutcome outcome = client.send(TX);
        assertEquals(SendOutcome.Delivery.RECEIVED, outcome.delivery());
        assertEquals(TX.hash(), outcome.txHash());
        assertIdenticalBodies(2);
    }

    @Test
    void afterADroppedConnectionAlreadyInPoolMeansPossiblyReceived() {
        node.thenDrop().thenJson(200, answer("rejected", "already_in_pool"));
        SendOutcome outcome = client.send(TX);
        assertEquals(SendOutcome.Delivery.POSSIBLY_RECEIVED, outcome.delivery());
        assertEquals("already_in_pool", outcome.nodeAnswer());
        assertIdenticalBodies(2);
    }

    @Test
    void afterADroppedConnectionNonceTooLowMeansPossiblyReceived() {
        node.thenDrop().thenDrop().thenJson(200, answer("rejected", "nonce_too_low"));
        assertEquals(SendOutcome.Delivery.POSSIBLY_RECEIVED, client.send(TX).delivery());
        assertIdenticalBodies(3);
    }

    @Test
    void afterADroppedConnectionAStatelessRejectionIsStillARejection() {
        node.thenDrop().thenJson(200, answer("rejected", "invalid_signature"));
        assertEquals("invalid_signature", assertThrows(TxRejectedException.class, () -> client.send(TX)).reason());
    }

    @Test
    void noAnswerAtAllSaysWhetherTheTxMayHaveLanded() {
        node.thenDrop().thenDrop().thenDrop();
        NodeUnreachableException e = assertThrows(NodeUnreachableException.class, () -> client.send(TX));
        assertTrue(e.possiblyReceived());
        assertEquals(TX.hash(), e.txHash());
        assertIdenticalBodies(3);
    }

    @Test
    void aNodeThatIsDownIsRetriedThenReported() throws IOException {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        ChainClient down = new ChainClient(closed, QUICK);
        NodeUnreachableException send = assertThrows(NodeUnreachableException.class, () -> down.send(TX));
        assertFalse(send.possiblyReceived(), "a refused connection never delivered anything");
        NodeUnreachableException read = assertThrows(NodeUnreachableException.class, down::status);
        assertTrue(read.getMessage().contains("3 attempts"), read.getMessage());
    }

    @Test
    void readsRetryGatewayErrorsAndTimeouts() {
        node.thenJson(502, "bad gateway").thenStall(1500, 200, "{}")
                .thenJson(200, "{\"height\":7,\"last_hash\":\"ab\",\"network\":\"testnet\",\"mempool_size\":2,\"epoch\":1}");
        assertEquals(new ChainStatus(7, "ab", "testnet", 2, 1), client.status());
        assertEquals(3, node.requests().size());
    }

    @Test
    void otherErrorsAreReportedWithStatusAndDetail() {
        node.thenJson(500, "{\"detail\":\"Receipt error: boom\"}");
        ChainRpcException e = assertThrows(ChainRpcException.class, () -> client.receipt("ab"));
        assertEquals(500, e.httpStatus());
        assertTrue(e.getMessage().contains("Receipt error: boom"), e.getMessage());
    }

    @Test
    void amountsAreReadExactly() {
        node.thenJson(200, "{\"epoch\":0,\"validators\":[{\"address\":\"cpcvalcons1x\",\"pq_pub_key\":\"02ab\","
                + "\"power\":123456789012345678901234567890,\"is_active\":true,\"reward_address\":null}]}")
                .thenJson(200, "{\"address\":\"cpc1x\",\"balance\":\"99999999999999999999999999999\",\"nonce\":3}");
        ValidatorInfo v = client.validators().get(0);
        assertEquals(new BigInteger("123456789012345678901234567890"), v.power());
        assertEquals(new BigInteger("99999999999999999999999999999"), client.balance("cpc1x").balance());
        assertEquals(List.of("GET /validators", "GET /balance/cpc1x"), node.requests());
    }

    @Test
    void unsignedTransactionsAreNotSent() {
        Transaction unsigned = TX.withSignature(null);
        assertThrows(IllegalArgumentException.class, () -> client.send(unsigned));
        assertTrue(node.requests().isEmpty());
    }

    private void assertIdenticalBodies(int count) {
        List<byte[]> bodies = node.bodies();
        assertEquals(count, bodies.size());
        byte[] expected = TX.toJson().getBytes(StandardCharsets.UTF_8);
        for (byte[] body : bodies) assertArrayEquals(expected, body, "every attempt posts the same signed bytes");
    }
}
