package com.computemarket.settlement.application;

import java.util.UUID;

/** Port: "this payout is to be delivered", sent in the caller's (XA) transaction. */
public interface PayoutQueue {

    void deliver(UUID payoutId);
}
