package com.computemarket.chain.protocol;

import java.util.Optional;

/** The transaction types the node executes, with their base gas ({@code GAS_PER_TYPE}). */
public enum TxType {
    TRANSFER(21_000),
    STAKE(40_000),
    UNSTAKE(40_000),
    SUBMIT_RESULT(80_000),
    UPDATE_VALIDATOR(30_000),
    DELEGATE(35_000),
    UNDELEGATE(35_000),
    UNJAIL(50_000);

    private final long baseGas;

    TxType(long baseGas) {
        this.baseGas = baseGas;
    }

    public long baseGas() {
        return baseGas;
    }

    /** The type with exactly this wire name (case-sensitive, like the node); empty for anything else. */
    public static Optional<TxType> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (TxType t : values()) {
            if (t.name().equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
