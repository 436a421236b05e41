package com.computemarket.workers.application;

import java.util.Set;
import java.util.UUID;

/**
 * PLACEHOLDER by the dispatch helper with the contract's exact shape (contracts.md, "workers"); the workers
 * helper's version replaces this file at merge.
 */
public record WorkerProfile(UUID id, String operator, String address, Set<String> challengeTypes, String status, int reputation) {
}
