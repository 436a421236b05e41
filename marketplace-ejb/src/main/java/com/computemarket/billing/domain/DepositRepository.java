package com.computemarket.billing.domain;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Deposit addresses, credited deposits and the scanner's cursor. */
public interface DepositRepository {
    Optional<DepositAddress> addressOf(String organization);
    void addAddress(DepositAddress address);
    /** Organization by address, for those of {@code addresses} that were issued. */
    Map<String, String> organizationsOf(Collection<String> addresses);
    boolean credited(String txHash);
    void add(Deposit deposit);
    /** The cursor's row locked for update, created at height 0 on first use. */
    ScanCursor lockCursor(String name);
    Optional<ScanCursor> cursor(String name);
}
