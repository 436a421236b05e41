package com.computemarket.settlement.application;

import java.util.List;
import java.util.UUID;

/** Port to the workers context: where a worker is paid, and which workers an operator runs. */
public interface PayoutRecipients {

    String addressOf(UUID workerId);

    List<UUID> workersOf(String operatorSubject);
}
