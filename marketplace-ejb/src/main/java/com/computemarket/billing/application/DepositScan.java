package com.computemarket.billing.application;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * One pass of the deposit scanner: reads the confirmed blocks after the cursor (a block at height h has
 * tip - h + 1 confirmations) and hands each to {@link DepositIntake}, one transaction per block. Notices a chain
 * that no longer holds the last block read (reset or deep reorganisation) and starts over; crediting is idempotent.
 */
public final class DepositScan {

    private static final Logger LOG = Logger.getLogger(DepositScan.class.getName());

    private final BlockSource source;
    private final DepositIntake intake;
    private final int confirmations;
    private final int maxBlocksPerPass;

    public DepositScan(BlockSource source, DepositIntake intake, int confirmations, int maxBlocksPerPass) {
        if (confirmations < 1) {
            throw new IllegalArgumentException("cm.deposits.confirmations must be at least 1, not " + confirmations);
        }
        this.source = source;
        this.intake = intake;
        this.confirmations = confirmations;
        this.maxBlocksPerPass = maxBlocksPerPass;
    }

    /** Answers the number of deposits credited in this pass. */
    public int runOnce() {
        ScanPosition position = intake.position();
        long tip = source.tipHeight();
        if (position.nextHeight() > 0) {
            Optional<ScannedBlock> last = source.block(position.nextHeight() - 1);
            if (last.isEmpty() || !last.get().hash().equals(position.lastHash())) {
                LOG.warning(() -> "the L1 no longer has block " + (position.nextHeight() - 1) + " " + position.lastHash()
                        + " (tip " + tip + "): the chain was reset or reorganised; rescanning deposits from genesis");
                intake.rewind(position.lastHash());
                return 0;
            }
        }
        long lastConfirmed = tip - confirmations + 1;
        long end = Math.min(lastConfirmed, position.nextHeight() + maxBlocksPerPass - 1);
        int credited = 0;
        for (long height = position.nextHeight(); height <= end; height++) {
            Optional<ScannedBlock> block = source.block(height);
            if (block.isEmpty()) {
                break;
            }
            credited += intake.accept(block.get());
        }
        return credited;
    }
}
