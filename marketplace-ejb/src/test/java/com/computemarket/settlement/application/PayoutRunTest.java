package com.computemarket.settlement.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.computemarket.settlement.domain.Payout;
import com.computemarket.shared.Amount;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PayoutRunTest {

    private final FakePayouts payouts = new FakePayouts();
    private final FakeAccounts accounts = new FakeAccounts();
    private final List<UUID> queued = new ArrayList<>();
    private final Map<UUID, String> addresses = new HashMap<>();
    private final PayoutRun run = new PayoutRun();

    PayoutRunTest() {
        run.payouts = payouts;
        run.accounts = accounts;
        run.queue = queued::add;
        run.recipients = new PayoutRecipients() {
            @Override
            public java.util.Optional<String> addressOf(UUID workerId) {
                return java.util.Optional.ofNullable(addresses.get(workerId));
            }

            @Override
            public List<UUID> workersOf(String operatorSubject) {
                return List.of();
            }
        };
        run.clock = Clock.systemUTC();
        run.threshold = "1.0";
    }

    @Test
    void payablesAtOrAboveTheThresholdBecomeOnePayoutEachWithTheirMessage() {
        UUID rich = worker("cpc1rich", Amount.parseCpc("x", "2.5"));
        UUID exact = worker("cpc1exact", Amount.cpc(1));
        worker("cpc1poor", Amount.parseCpc("x", "0.999999999999999999"));

        PayoutRun.Result result = run.run("admin");

        assertEquals(2, result.batch().count());
        assertEquals(Amount.parseCpc("x", "3.5"), result.batch().total());
        assertEquals(List.of(exact, rich).stream().sorted().toList(),
                result.payouts().stream().map(Payout::workerId).sorted().toList());
        assertEquals(result.payouts().stream().map(Payout::id).toList(), queued);
        assertEquals(Amount.ZERO, accounts.payable.get(rich));
        assertEquals(Amount.parseCpc("x", "3.5"), accounts.inFlight);
        assertEquals("cpc1rich", payouts.payouts.values().stream().filter(p -> p.workerId().equals(rich))
                .findFirst().orElseThrow().address());
    }

    @Test
    void aPayableOfAnUnknownWorkerIsSkippedAndEveryoneElseIsPaid() {
        UUID known = worker("cpc1known", Amount.cpc(2));
        UUID unknown = worker("cpc1gone", Amount.cpc(3));
        addresses.remove(unknown);

        PayoutRun.Result result = run.run("admin");

        assertEquals(List.of(known), result.payouts().stream().map(Payout::workerId).toList());
        assertEquals(Amount.cpc(3), accounts.payable.get(unknown), "left where it was");
    }

    @Test
    void aWorkerWithAnOpenPayoutGetsNoSecondOneAndASecondRunPaysNothingNew() {
        UUID w = worker("cpc1w", Amount.cpc(5));
        run.run("admin");
        accounts.payable.merge(w, Amount.cpc(4), Amount::plus); // earned more while the first is on its way

        PayoutRun.Result again = run.run("admin");

        assertEquals(0, again.batch().count());
        assertEquals(1, payouts.payouts.size());
        assertEquals(1, queued.size());
    }

    @Test
    void theThresholdComesFromConfiguration() {
        worker("cpc1w", Amount.cpc(5));
        run.threshold = "10";
        assertEquals(0, run.run("admin").batch().count());
    }

    private UUID worker(String address, Amount payable) {
        UUID id = UUID.randomUUID();
        addresses.put(id, address);
        accounts.payable.put(id, payable);
        return id;
    }
}
