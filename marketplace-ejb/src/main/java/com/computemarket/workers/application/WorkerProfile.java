package com.computemarket.workers.application;

import java.util.Set;
import java.util.UUID;

/** PLACEHOLDER for the payouts branch, per /work/contracts.md — the workers helper's version wins at merge. */
public record WorkerProfile(UUID id, String operator, String address, Set<String> challengeTypes, String status,
                            int reputation) {
}
