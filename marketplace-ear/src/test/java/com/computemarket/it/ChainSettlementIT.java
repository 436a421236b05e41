package com.computemarket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.chain.protocol.TxType;
import com.computemarket.chain.rpc.Inclusion;
import com.computemarket.chain.settlement.ChainRejection;
import com.computemarket.chain.settlement.ChainSettlement;
import com.computemarket.chain.settlement.SentTransaction;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the container: the deployed chain adapter EJB pays from the platform wallet (here the devnet faucet's key)
 * to a fresh address on the real devnet node, and confirms the payment by finding it in a block.
 */
@ExtendWith(ArquillianExtension.class)
class ChainSettlementIT {

    private static final BigInteger TRANSFER_FEE = BigInteger.valueOf(TxType.TRANSFER.baseGas() * 1000);

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.marketplaceWith(ChainSettlementIT.class);
    }

    @Inject
    ChainSettlement chain;

    @Test
    void aTransferIsConfirmedInABlockAndMovesTheBalances() {
        String recipient = ChainKey.generate(new SecureRandom()).address();
        BigInteger amount = new BigInteger("1234500000000000000"); // 1.2345 CPC
        String wallet = chain.walletAddress();
        BigInteger walletBefore = chain.balance(wallet);

        SentTransaction sent = chain.transfer(recipient, amount);
        Inclusion inclusion = chain.awaitInclusion(sent);

        assertTrue(inclusion.height() >= sent.sentAtHeight(), "included after it was sent");
        assertEquals(amount, chain.balance(recipient));
        assertEquals(walletBefore.subtract(amount).subtract(TRANSFER_FEE), chain.balance(wallet));
    }

    @Test
    void consecutiveTransfersUseConsecutiveNoncesAndAllLand() {
        String recipient = ChainKey.generate(new SecureRandom()).address();

        SentTransaction first = chain.transfer(recipient, BigInteger.TEN);
        SentTransaction second = chain.transfer(recipient, BigInteger.TWO);
        chain.awaitInclusion(first);
        chain.awaitInclusion(second);

        assertEquals(first.nonce().add(BigInteger.ONE), second.nonce());
        assertEquals(BigInteger.valueOf(12), chain.balance(recipient));
    }

    @Test
    void theNodesReasonComesBackWhenItRejects() {
        String recipient = ChainKey.generate(new SecureRandom()).address();
        BigInteger moreThanEverything = chain.balance(chain.walletAddress()).add(BigInteger.ONE);

        ChainRejection rejection = assertThrows(ChainRejection.class, () -> chain.transfer(recipient, moreThanEverything));

        assertEquals("insufficient_balance", rejection.reason());
        assertEquals(BigInteger.ZERO, chain.balance(recipient));
    }

    @Test
    void aBadAddressIsRefusedBeforeAnythingIsSent() {
        BigInteger walletBefore = chain.balance(chain.walletAddress());

        ChainRejection rejection = assertThrows(ChainRejection.class, () -> chain.transfer("cpc1notanaddress", BigInteger.ONE));

        assertEquals("invalid_address", rejection.reason());
        assertEquals(walletBefore, chain.balance(chain.walletAddress()));
    }
}
