package com.computemarket.settlement.infrastructure;

import com.computemarket.settlement.application.PayoutRecipients;
import com.computemarket.shared.WorkerId;
import com.computemarket.workers.application.WorkerDirectory;
import com.computemarket.workers.application.WorkerProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** Recipients from the workers context's directory. */
@ApplicationScoped
public class WorkerPayoutRecipients implements PayoutRecipients {

    @Inject WorkerDirectory directory;

    @Override
    public java.util.Optional<String> addressOf(UUID workerId) {
        return directory.find(WorkerId.of(workerId)).map(WorkerProfile::address);
    }

    @Override
    public List<UUID> workersOf(String operatorSubject) {
        return directory.ofOperator(operatorSubject).stream().map(WorkerProfile::id).toList();
    }
}
