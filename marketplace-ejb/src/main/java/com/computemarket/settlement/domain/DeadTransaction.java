package com.computemarket.settlement.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigInteger;
import java.time.Instant;

/** A transaction of a payout proven dead: its nonce was spent by another transaction and it is in no block. */
@Embeddable
public class DeadTransaction {

    @Column(length = 64)
    private String txHash;
    @Column(precision = 38, scale = 0)
    private BigInteger nonce;
    private Instant provenAt;

    protected DeadTransaction() {
    }

    DeadTransaction(String txHash, BigInteger nonce, Instant provenAt) {
        this.txHash = txHash;
        this.nonce = nonce;
        this.provenAt = provenAt;
    }

    public String txHash() {
        return txHash;
    }

    public BigInteger nonce() {
        return nonce;
    }

    public Instant provenAt() {
        return provenAt;
    }
}
