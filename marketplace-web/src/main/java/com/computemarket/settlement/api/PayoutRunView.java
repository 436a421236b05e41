package com.computemarket.settlement.api;

import com.computemarket.settlement.application.PayoutRun;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.List;

/** What a payout run created. */
public record PayoutRunView(
        @JsonbProperty("run_id") String runId,
        @JsonbProperty("started_by") String startedBy,
        @JsonbProperty("started_at") Instant startedAt,
        String threshold,
        int count,
        String total,
        List<PayoutView> payouts) {

    static PayoutRunView of(PayoutRun.Result r) {
        return new PayoutRunView(r.batch().id().toString(), r.batch().startedBy(), r.batch().startedAt(),
                r.batch().threshold().toCpc(), r.batch().count(), r.batch().total().toCpc(),
                r.payouts().stream().map(PayoutView::of).toList());
    }
}
