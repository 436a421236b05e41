package com.computemarket.settlement.domain;

import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Payouts and the batches that created them. */
public interface PayoutRepository {

    void add(Payout payout);

    void add(PayoutBatch batch);

    Optional<Payout> find(UUID id);

    Optional<PayoutBatch> findBatch(UUID id);

    /** Workers that have a payout not yet CONFIRMED or FAILED. */
    Set<UUID> workersWithOpenPayouts();

    /** The highest nonce held by a SIGNED or SENT payout: transactions the node may not know yet. */
    Optional<BigInteger> highestLiveNonce();

    /** SIGNED or SENT payouts with a nonce below {@code nonce}, lowest first. */
    List<Payout> liveBelow(BigInteger nonce);

    /** Newest first; {@code workerIds} null means all workers. */
    List<Payout> list(Collection<UUID> workerIds, int limit, int offset);

    long count(Collection<UUID> workerIds);

    List<Payout> ofBatch(UUID runId);
}
