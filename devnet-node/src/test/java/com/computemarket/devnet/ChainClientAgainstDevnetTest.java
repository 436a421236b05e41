package com.computemarket.devnet;

import static com.computemarket.devnet.TestChain.ALICE;
import static com.computemarket.devnet.TestChain.BOB;
import static com.computemarket.devnet.TestChain.FAUCET;
import static com.computemarket.devnet.TestChain.NOBODY;
import static com.computemarket.devnet.TestChain.PREMINE;
import static com.computemarket.devnet.TestChain.cpc;
import static com.computemarket.devnet.TestChain.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.chain.protocol.Block;
import com.computemarket.chain.protocol.Transaction;
import com.computemarket.chain.rpc.AccountBalance;
import com.computemarket.chain.rpc.ChainClient;
import com.computemarket.chain.rpc.ChainStatus;
import com.computemarket.chain.rpc.Inclusion;
import com.computemarket.chain.rpc.InclusionFinder;
import com.computemarket.chain.rpc.InvalidRequestException;
import com.computemarket.chain.rpc.SendOutcome;
import com.computemarket.chain.rpc.TxRejectedException;
import com.computemarket.chain.rpc.ValidatorInfo;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The client against an in-process devnet node on a random port. */
@Timeout(60)
class ChainClientAgainstDevnetTest {

    @TempDir
    Path dir;

    private DevnetNode node;
    private ChainClient client;

    @BeforeEach
    void start() {
        node = DevnetNode.start(TestChain.config(dir, Duration.ofMillis(100)));
        client = new ChainClient(node.baseUrl());
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void readsStatusBalanceNonceAndValidators() {
        ChainStatus status = client.status();
        assertEquals("devnet", status.network());
        assertTrue(status.height() >= 0);
        assertEquals(64, status.lastHash().length());

        AccountBalance faucet = client.balance(FAUCET.address());
        assertEquals(PREMINE, faucet.balance());
        assertEquals(BigInteger.ZERO, faucet.nonce());
        assertEquals(BigInteger.ZERO, client.nonce(FAUCET.address(), true));

        ValidatorInfo validator = client.validators().get(0);
        assertEquals(node.validatorAddress(), validator.address());
        assertEquals(node.validatorPublicKeyHex(), validator.pqPubKey());
        assertTrue(validator.power().bitLength() > 64);
        assertEquals(validator.address(), client.validator(validator.address()).orElseThrow().address());
        assertTrue(client.validator("cpcvalcons1nobody").isEmpty());
    }

    @Test
    void sendsAndReadsTheBlockBack() {
        Transaction tx = transfer(FAUCET, ALICE.address(), cpc(3), 0);
        SendOutcome outcome = client.send(tx);
        assertEquals(new SendOutcome(tx.hash(), SendOutcome.Delivery.RECEIVED, null), outcome);
        assertEquals(BigInteger.ONE, client.nonce(FAUCET.address(), true));

        Inclusion inclusion = new InclusionFinder(client, Duration.ofMillis(50)).find(tx.hash(), 0, Duration.ofSeconds(10))
                .orElseThrow();
        Block block = client.block(inclusion.height()).orElseThrow();
        assertEquals(inclusion.blockHash(), block.hash());
        assertEquals(tx, block.txs().get(inclusion.txIndex()));
        assertEquals("confirmed", client.receipt(tx.hash()).orElseThrow().status());
    }

    @Test
    void absentThingsAreEmpty() {
        assertTrue(client.block(1_000_000).isEmpty());
        assertTrue(client.block(-1).isEmpty());
        assertTrue(client.receipt("00".repeat(32)).isEmpty());
    }

    @Test
    void rejectionsFromTheNode() {
        TxRejectedException e = assertThrows(TxRejectedException.class,
                () -> client.send(transfer(NOBODY, BOB.address(), BigInteger.ONE, 0)));
        assertEquals("insufficient_balance", e.reason());
        assertEquals(transfer(NOBODY, BOB.address(), BigInteger.ONE, 0).hash(), e.txHash());
    }

    @Test
    void aBadAddressIsRefusedByTheDevnetsSchema() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> client.balance("not an address"));
        assertEquals("address", e.detail().get(0).get("loc").get(1).asText());
    }
}
