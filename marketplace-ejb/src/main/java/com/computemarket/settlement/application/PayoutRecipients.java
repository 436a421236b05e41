package com.computemarket.settlement.application;

import java.util.List;
import java.util.UUID;

/** Port to the workers context: where a worker is paid, and which workers an operator runs. */
public interface PayoutRecipients {

    /** The worker's cpc1 address; empty when no such worker is enrolled. */
    java.util.Optional<String> addressOf(UUID workerId);

    List<UUID> workersOf(String operatorSubject);
}
