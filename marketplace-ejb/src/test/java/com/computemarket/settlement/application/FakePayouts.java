package com.computemarket.settlement.application;

import com.computemarket.settlement.domain.Payout;
import com.computemarket.settlement.domain.PayoutBatch;
import com.computemarket.settlement.domain.PayoutRepository;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** In-memory payouts. */
class FakePayouts implements PayoutRepository {

    final Map<UUID, Payout> payouts = new LinkedHashMap<>();
    final List<PayoutBatch> batches = new ArrayList<>();

    @Override
    public void add(Payout payout) {
        payouts.put(payout.id(), payout);
    }

    @Override
    public void add(PayoutBatch batch) {
        batches.add(batch);
    }

    @Override
    public Optional<Payout> find(UUID id) {
        return Optional.ofNullable(payouts.get(id));
    }

    @Override
    public Optional<PayoutBatch> findBatch(UUID id) {
        return batches.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    @Override
    public Set<UUID> workersWithOpenPayouts() {
        return payouts.values().stream().filter(p -> p.status().open()).map(Payout::workerId).collect(Collectors.toSet());
    }

    @Override
    public Optional<BigInteger> highestLiveNonce() {
        return payouts.values().stream().filter(p -> p.status().hasLiveTransaction())
                .map(p -> p.nonce().orElseThrow()).max(Comparator.naturalOrder());
    }

    @Override
    public List<Payout> liveBelow(BigInteger nonce) {
        return payouts.values().stream().filter(p -> p.status().hasLiveTransaction())
                .filter(p -> p.nonce().orElseThrow().compareTo(nonce) < 0)
                .sorted(Comparator.comparing(p -> p.nonce().orElseThrow())).toList();
    }

    @Override
    public List<Payout> list(Collection<UUID> workerIds, int limit, int offset) {
        return payouts.values().stream().filter(p -> workerIds == null || workerIds.contains(p.workerId()))
                .skip(offset).limit(limit).toList();
    }

    @Override
    public long count(Collection<UUID> workerIds) {
        return list(workerIds, Integer.MAX_VALUE, 0).size();
    }

    @Override
    public List<Payout> ofBatch(UUID runId) {
        return payouts.values().stream().filter(p -> p.runId().equals(runId)).toList();
    }
}
