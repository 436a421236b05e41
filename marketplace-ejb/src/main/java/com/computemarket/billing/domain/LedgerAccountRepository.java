package com.computemarket.billing.domain;

import com.computemarket.billing.application.AccountRef;
import java.util.List;
import java.util.Optional;

public interface LedgerAccountRepository {
    Optional<LedgerAccount> find(AccountRef ref);
    /** The account's row locked for update (PESSIMISTIC_WRITE), created with a zero balance on first use. */
    LedgerAccount lockOrOpen(AccountRef ref);
    /** All accounts, by type and owner. */
    List<LedgerAccount> all();
}
