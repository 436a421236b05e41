package com.computemarket.billing.domain;

import com.computemarket.shared.AccountRef;
import com.computemarket.shared.AccountType;
import java.util.List;
import java.util.Optional;

public interface LedgerAccountRepository {
    Optional<LedgerAccount> find(AccountRef ref);
    /** The account's row locked for update (PESSIMISTIC_WRITE), created with a zero balance on first use. */
    LedgerAccount lockOrOpen(AccountRef ref);
    /** All accounts, by type and owner. */
    List<LedgerAccount> all();

    /** The accounts of one type. */
    default List<LedgerAccount> ofType(AccountType type) {
        return all().stream().filter(account -> account.ref().type() == type).toList();
    }
}
