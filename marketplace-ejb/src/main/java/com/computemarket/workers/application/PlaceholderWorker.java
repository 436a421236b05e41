package com.computemarket.workers.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Set;
import java.util.UUID;

/** PLACEHOLDER for the payouts branch: a worker row for the placeholder directory. Delete at merge. */
@Entity
@Table(name = "placeholder_worker")
public class PlaceholderWorker {
    @Id
    UUID id;
    @Column(length = 64)
    String operator;
    @Column(length = 64)
    String address;

    protected PlaceholderWorker() {
    }

    PlaceholderWorker(WorkerProfile p) {
        this.id = p.id();
        this.operator = p.operator();
        this.address = p.address();
    }

    WorkerProfile profile() {
        return new WorkerProfile(id, operator, address, Set.of(), "ACTIVE", 500);
    }
}
