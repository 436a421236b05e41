package com.computemarket.settlement.application;

import com.computemarket.settlement.domain.Payout;
import com.computemarket.shared.Amount;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Balances of the accounts a payout touches, with the ledger's idempotency by key. */
class FakeAccounts implements PayoutAccounts {

    final Map<UUID, Amount> payable = new HashMap<>();
    final Map<String, Amount> entries = new LinkedHashMap<>();
    Amount inFlight = Amount.ZERO;
    Amount l1Wallet = Amount.ZERO;
    Amount l1Fees = Amount.ZERO;

    @Override
    public Map<UUID, Amount> workerPayables() {
        Map<UUID, Amount> out = new HashMap<>();
        payable.forEach((w, a) -> {
            if (a.isPositive()) out.put(w, a);
        });
        return out;
    }

    @Override
    public void started(Payout p) {
        if (entries.putIfAbsent("payout:" + p.id(), p.amount()) != null) return;
        Amount left = payable.getOrDefault(p.workerId(), Amount.ZERO).minus(p.amount());
        if (left.isNegative()) throw new IllegalStateException("insufficient-funds");
        payable.put(p.workerId(), left);
        inFlight = inFlight.plus(p.amount());
    }

    @Override
    public void confirmed(Payout p, Amount fee) {
        if (entries.putIfAbsent("payout-confirmed:" + p.id(), p.amount()) != null) return;
        inFlight = inFlight.minus(p.amount());
        l1Wallet = l1Wallet.plus(p.amount()).plus(fee);
        l1Fees = l1Fees.minus(fee);
    }

    @Override
    public void returned(Payout p) {
        if (entries.putIfAbsent("payout-failed:" + p.id(), p.amount()) != null) return;
        inFlight = inFlight.minus(p.amount());
        payable.merge(p.workerId(), p.amount(), Amount::plus);
    }
}
