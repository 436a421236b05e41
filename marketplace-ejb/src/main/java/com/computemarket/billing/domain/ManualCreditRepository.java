package com.computemarket.billing.domain;

import java.util.List;

public interface ManualCreditRepository {
    void add(ManualCredit credit);
    /** Newest first. */
    List<ManualCredit> page(int limit, int offset);
    long count();
}
