package com.computemarket.billing.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.chain.rpc.NodeUnreachableException;
import com.computemarket.shared.AccountRef;
import com.computemarket.shared.AccountType;
import com.computemarket.shared.Amount;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DepositScanTest {

    /** A chain in memory: block h has hash prefix+h and the transfers put in it. */
    static final class FakeChain implements BlockSource {
        final List<List<ChainTransfer>> blocks = new ArrayList<>();
        String prefix = "hash-";
        boolean down;

        void mine(ChainTransfer... transfers) {
            blocks.add(List.of(transfers));
        }

        @Override
        public long tipHeight() {
            if (down) throw new NodeUnreachableException("node down", null);
            return blocks.size() - 1;
        }

        @Override
        public Optional<ScannedBlock> block(long height) {
            if (down) throw new NodeUnreachableException("node down", null);
            return height < blocks.size()
                    ? Optional.of(new ScannedBlock(height, prefix + height, blocks.get((int) height))) : Optional.empty();
        }
    }

    private final Fakes fakes = new Fakes();
    private final FakeChain chain = new FakeChain();
    private final DepositScan scan = new DepositScan(chain, fakes.intake, 3, 100);
    private final AccountRef acme = AccountRef.available("acme");

    private ChainTransfer transfer(String hash, String to, long cpc) {
        return new ChainTransfer(hash, "cpc1sender", to, Amount.cpc(cpc).wei());
    }

    @Test
    void aTransferToAnIssuedAddressIsCreditedOnceAfterThreeConfirmations() {
        String address = fakes.intake.addressFor("acme");
        chain.mine();                                      // 0: genesis
        chain.mine(transfer("tx1", address, 7));           // 1
        chain.mine();                                      // 2: tx1 has 2 confirmations

        assertEquals(0, scan.runOnce());
        assertEquals(Amount.ZERO, fakes.balance(acme));

        chain.mine();                                      // 3: 3 confirmations
        assertEquals(1, scan.runOnce());
        chain.mine();
        chain.mine();
        assertEquals(0, scan.runOnce());

        assertEquals(Amount.cpc(7), fakes.balance(acme));
        assertEquals(Amount.cpc(-7), fakes.balance(AccountRef.platform(AccountType.L1_WALLET)));
        assertEquals(1, fakes.deposits.credited.size());
        assertEquals(1, fakes.deposits.credited.get("tx1").blockHeight());
        assertTrue(fakes.ledger.entry("deposit:tx1").isPresent());
        assertEquals(4, fakes.intake.position().nextHeight());
        assertTrue(fakes.invariants.check().ok());
    }

    @Test
    void transfersToOtherAddressesAndOrganizationsThatHaveNoAddressYetAreNotCredited() {
        String acmeAddress = fakes.intake.addressFor("acme");
        String globexAddress = fakes.keys.addressOf("globex");     // derivable, but never issued
        chain.mine(transfer("tx1", "cpc1someoneelse", 1), transfer("tx2", globexAddress, 2), transfer("tx3", acmeAddress, 3));
        chain.mine();
        chain.mine();

        assertEquals(1, scan.runOnce());

        assertEquals(Amount.cpc(3), fakes.balance(acme));
        assertEquals(Amount.ZERO, fakes.balance(AccountRef.available("globex")));
    }

    @Test
    void aBlockHandedInTwiceOrOutOfOrderCreditsNothingMore() {
        String address = fakes.intake.addressFor("acme");
        ScannedBlock block = new ScannedBlock(0, "hash-0", List.of(transfer("tx1", address, 4)));

        assertEquals(1, fakes.intake.accept(block));
        assertEquals(0, fakes.intake.accept(block));
        assertEquals(0, fakes.intake.accept(new ScannedBlock(5, "hash-5", List.of(transfer("tx9", address, 4)))));

        assertEquals(Amount.cpc(4), fakes.balance(acme));
    }

    @Test
    void aChainThatChangedUnderTheScannerIsRescannedWithoutCreditingTwice() {
        String address = fakes.intake.addressFor("acme");
        chain.mine(transfer("tx1", address, 5));
        chain.mine();
        chain.mine();
        scan.runOnce();
        assertEquals(Amount.cpc(5), fakes.balance(acme));

        chain.prefix = "other-";                           // a reset chain: same transfer, other block hashes
        chain.mine(transfer("tx2", address, 1));
        chain.mine();
        chain.mine();
        assertEquals(0, scan.runOnce());                   // notices and rewinds
        assertEquals(0, fakes.intake.position().nextHeight());
        assertEquals(1, scan.runOnce());                   // rescans: tx1 again (skipped), tx2 new

        assertEquals(Amount.cpc(6), fakes.balance(acme));
        assertEquals(2, fakes.deposits.credited.size());
    }

    @Test
    void aNodeThatIsDownLeavesTheCursorWhereItWasAndTheNextPassCatchesUp() {
        String address = fakes.intake.addressFor("acme");
        chain.mine(transfer("tx1", address, 2));
        chain.mine();
        chain.mine();
        chain.down = true;

        assertThrows(NodeUnreachableException.class, scan::runOnce);
        assertEquals(0, fakes.intake.position().nextHeight());

        chain.down = false;
        assertEquals(1, scan.runOnce());
        assertEquals(Amount.cpc(2), fakes.balance(acme));
    }

    @Test
    void fewerThanOneConfirmationIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DepositScan(chain, fakes.intake, 0, 10));
    }

    @Test
    void zeroAmountTransfersAreIgnored() {
        String address = fakes.intake.addressFor("acme");
        chain.mine(new ChainTransfer("tx0", "cpc1sender", address, BigInteger.ZERO));
        chain.mine();
        chain.mine();

        assertEquals(0, scan.runOnce());
        assertEquals(1, fakes.intake.position().nextHeight());
    }
}
