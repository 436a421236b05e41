package com.computemarket.verification.application;

import com.computemarket.verification.domain.VerificationRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Read side: the verifications of a task's jobs, the latest per job (the caller has already been allowed to see the
 * task); {@link #historyOfTask} has every one, including those of rejected results tried again.
 */
@Stateless
public class VerificationQueries {

    @Inject VerificationRepository verifications;

    public Map<UUID, VerificationView> ofTask(UUID taskId) {
        return historyOfTask(taskId).stream()
                .collect(Collectors.toMap(VerificationView::jobId, Function.identity(), (earlier, later) -> later));
    }

    public List<VerificationView> historyOfTask(UUID taskId) {
        return verifications.ofTask(taskId).stream().map(VerificationView::of).toList();
    }
}
