package com.computemarket.billing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/** An organization's deposit address, recorded when first issued: the scanner credits transfers to issued addresses. */
@Entity
@Table(name = "deposit_address", uniqueConstraints = @UniqueConstraint(name = "deposit_address_address", columnNames = "address"))
public class DepositAddress {

    @Id
    @Column(length = 64)
    private String organization;
    @Column(nullable = false, length = 100)
    private String address;
    @Column(nullable = false)
    private Instant issuedAt;

    protected DepositAddress() {
    }

    public DepositAddress(String organization, String address, Instant issuedAt) {
        this.organization = organization;
        this.address = address;
        this.issuedAt = issuedAt;
    }

    public String organization() { return organization; }
    public String address() { return address; }
    public Instant issuedAt() { return issuedAt; }
}
