package com.computemarket.workers.api;

import com.computemarket.workers.application.WorkerDetails;
import com.computemarket.workers.domain.Gpu;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A worker as the API shows it to its operator, finance and admins. */
public record WorkerView(
        UUID id,
        String operator,
        String address,
        @JsonbProperty("public_key") String publicKey,
        List<GpuView> gpus,
        @JsonbProperty("challenge_types") List<String> challengeTypes,
        String status,
        @JsonbProperty("suspension_reason") String suspensionReason,
        @JsonbProperty("suspended_at") Instant suspendedAt,
        int reputation,
        long successes,
        long failures,
        @JsonbProperty("enrolled_at") Instant enrolledAt) {

    public record GpuView(String model, @JsonbProperty("memory_mb") int memoryMb,
                          @JsonbProperty("compute_capability") String computeCapability, String driver) {
        static GpuView of(Gpu g) {
            return new GpuView(g.model(), g.memoryMb(), g.computeCapability(), g.driver());
        }
    }

    public record Page(List<WorkerView> workers, long total, int limit, int offset) {
    }

    static WorkerView of(WorkerDetails d) {
        return new WorkerView(d.id(), d.operatorUsername(), d.address(), d.publicKey(),
                d.gpus().stream().map(GpuView::of).toList(), d.challengeTypes(), d.status(), d.suspensionReason(),
                d.suspendedAt(), d.reputation(), d.successes(), d.failures(), d.enrolledAt());
    }
}
