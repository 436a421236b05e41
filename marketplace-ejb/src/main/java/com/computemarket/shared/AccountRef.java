package com.computemarket.shared;

import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/** One ledger account, named by its type and owner (an organization alias, a worker UUID, or "platform"). */
public record AccountRef(AccountType type, String owner) implements Comparable<AccountRef> {

    public static final String PLATFORM = "platform";
    /** The order every posting locks its accounts in, so that two entries never wait on each other. */
    private static final Comparator<AccountRef> LOCK_ORDER =
            Comparator.comparing((AccountRef a) -> a.type().name()).thenComparing(AccountRef::owner);

    public AccountRef {
        Objects.requireNonNull(type, "type");
        if (owner == null || owner.isBlank() || owner.length() > 64) {
            throw DomainException.invalid("invalid-account", "an account owner is 1 to 64 characters, got " + owner);
        }
    }

    public static AccountRef available(String organization) {
        return new AccountRef(AccountType.ORG_AVAILABLE, organization);
    }

    public static AccountRef escrow(String organization) {
        return new AccountRef(AccountType.ORG_ESCROW, organization);
    }

    public static AccountRef payable(UUID workerId) {
        return new AccountRef(AccountType.WORKER_PAYABLE, workerId.toString());
    }

    public static AccountRef platform(AccountType type) {
        return new AccountRef(type, PLATFORM);
    }

    @Override
    public int compareTo(AccountRef other) {
        return LOCK_ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return type + ":" + owner;
    }
}
