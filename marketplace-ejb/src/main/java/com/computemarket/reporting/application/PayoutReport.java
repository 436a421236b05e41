package com.computemarket.reporting.application;

import com.computemarket.settlement.application.PayoutRecord;
import com.computemarket.settlement.application.PayoutRecords;
import com.computemarket.shared.Amount;
import com.computemarket.shared.Caller;
import com.computemarket.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Payouts of a period (by creation, UTC days, both ends included), optionally of one worker, with their L1
 * transaction, block and how many confirmations it has now: what finance exports as CSV and PDF.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class PayoutReport {

    private static final Logger LOG = Logger.getLogger(PayoutReport.class.getName());
    public static final int MAX_ROWS = 10_000;

    @Inject PayoutRecords payouts;
    @Inject ChainReadings chain;
    @Inject Clock clock;

    public record Row(UUID payoutId, UUID runId, UUID workerId, String address, Amount amount, Amount fee,
                      String status, String txHash, Long blockHeight, String blockHash, Instant createdAt,
                      Instant confirmedAt, String confirmation) {
    }

    /** The rows, their total and the chain height the confirmations were counted at (null: node unreachable). */
    public record Report(LocalDate from, LocalDate to, UUID workerId, List<Row> rows, Amount total, Long chainHeight,
                         Instant createdAt) {
    }

    public Report report(Caller caller, LocalDate from, LocalDate to, UUID workerId) {
        if (!caller.readsEverything()) {
            throw DomainException.forbidden("finance-or-admin", "only finance and admins read payout reports");
        }
        if (from == null || to == null || to.isBefore(from)) {
            throw DomainException.invalid("invalid-period", "a payout report needs a period: from and to (inclusive), to not before from");
        }
        Instant start = from.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Long height = chainHeight();
        List<Row> rows = payouts.createdBetween(start, end, workerId, MAX_ROWS).stream().map(p -> row(p, height)).toList();
        Amount total = rows.stream().map(Row::amount).reduce(Amount.ZERO, Amount::plus);
        return new Report(from, to, workerId, rows, total, height, clock.instant());
    }

    private static Row row(PayoutRecord p, Long height) {
        return new Row(p.id(), p.runId(), p.workerId(), p.address(), p.amount(), p.fee(), p.status(),
                p.txHash(), p.blockHeight(), p.blockHash(), p.createdAt(), p.confirmedAt(), confirmation(p, height));
    }

    /** "confirmed (12 confirmations)", "sent, not yet in a block", "failed: …". */
    static String confirmation(PayoutRecord p, Long height) {
        return switch (p.status()) {
            case "CONFIRMED" -> {
                long block = p.blockHeight() == null ? 0L : p.blockHeight();
                yield height == null ? "confirmed in block " + block
                        : "confirmed (" + Math.max(1, height - block + 1) + " confirmations)";
            }
            case "SENT" -> "sent, not yet in a block";
            case "SIGNED" -> "signed, not yet sent";
            case "PENDING" -> "pending";
            case "REPLACED" -> "replaced, to be signed again";
            case "FAILED" -> "failed: " + (p.failure() == null ? "" : p.failure());
            default -> p.status().toLowerCase(Locale.ROOT);
        };
    }

    private Long chainHeight() {
        try {
            return chain.height();
        } catch (RuntimeException e) {
            LOG.warning(() -> "payout report without confirmation counts: the L1 node did not answer: " + e.getMessage());
            return null;
        }
    }
}
