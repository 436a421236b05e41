package com.computemarket.billing.application;

import com.computemarket.billing.domain.Deposit;
import com.computemarket.billing.domain.DepositAddress;
import com.computemarket.billing.domain.DepositRepository;
import com.computemarket.billing.domain.ScanCursor;
import com.computemarket.shared.AccountRef;
import com.computemarket.shared.AccountType;
import com.computemarket.shared.Amount;
import com.computemarket.shared.Posting;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * Deposits on the database side: issues organizations' deposit addresses and credits the TRANSFERs to them, one
 * block per transaction, under the locked scan cursor. Each transfer is credited once, keyed "deposit:" + tx hash.
 * Never talks to the L1: {@link DepositScan} reads blocks outside any transaction and hands them in here.
 */
@Stateless
public class DepositIntake {

    static final String CURSOR = "deposits";
    private static final Logger LOG = Logger.getLogger(DepositIntake.class.getName());

    @Inject DepositRepository deposits;
    @Inject DepositKeys keys;
    @Inject Ledger ledger;
    @Inject Clock clock;

    public DepositIntake() {
    }

    DepositIntake(DepositRepository deposits, DepositKeys keys, Ledger ledger, Clock clock) {
        this.deposits = deposits;
        this.keys = keys;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The organization's deposit address, issued (and from then on watched) on first request. */
    public String addressFor(String organization) {
        Organizations.requireAlias("organization", organization);
        return deposits.addressOf(organization).map(DepositAddress::address).orElseGet(() -> {
            String address = keys.addressOf(organization);
            deposits.addAddress(new DepositAddress(organization, address, clock.instant()));
            LOG.info(() -> "deposit address " + address + " issued to organization " + organization);
            return address;
        });
    }

    public ScanPosition position() {
        return deposits.cursor(CURSOR).map(c -> new ScanPosition(c.nextHeight(), c.lastHash()))
                .orElse(new ScanPosition(0, null));
    }

    /**
     * Credits the block's transfers to issued deposit addresses and moves the cursor past it; answers how many were
     * credited. A block that is not the cursor's next one (another scanner took it) changes nothing.
     */
    public int accept(ScannedBlock block) {
        ScanCursor cursor = deposits.lockCursor(CURSOR);
        if (cursor.nextHeight() != block.height()) {
            return 0;
        }
        Map<String, String> owners = deposits.organizationsOf(block.transfers().stream().map(ChainTransfer::toAddress).toList());
        int credited = 0;
        for (ChainTransfer transfer : block.transfers()) {
            String organization = owners.get(transfer.toAddress());
            if (organization != null && transfer.amount().signum() > 0 && !deposits.credited(transfer.txHash())) {
                credit(organization, transfer, block.height());
                credited++;
            }
        }
        cursor.advance(block.height(), block.hash(), clock.instant());
        return credited;
    }

    /** Starts the scan over from genesis, if the cursor still stands after the block with this hash. */
    public void rewind(String lastHash) {
        ScanCursor cursor = deposits.lockCursor(CURSOR);
        if (Objects.equals(cursor.lastHash(), lastHash)) {
            cursor.rewind(clock.instant());
        }
    }

    private void credit(String organization, ChainTransfer transfer, long height) {
        Amount amount = Amount.ofWei(transfer.amount());
        JournalEntryView entry = ledger.post(new EntryDraft("deposit:" + transfer.txHash(), "deposit",
                "tx " + transfer.txHash() + " at height " + height, List.of(
                new Posting(AccountRef.platform(AccountType.L1_WALLET), amount.negate()),
                new Posting(AccountRef.available(organization), amount))));
        deposits.add(new Deposit(transfer.txHash(), organization, transfer.toAddress(), transfer.fromAddress(), amount,
                height, clock.instant(), entry.id()));
        LOG.info(() -> "deposit " + transfer.txHash() + " of " + amount.toCpc() + " CPC credited to organization "
                + organization + " (block " + height + ", entry " + entry.id() + ")");
    }
}
