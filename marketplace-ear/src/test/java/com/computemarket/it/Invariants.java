package com.computemarket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** After every test that moves money: the admin invariants endpoint says the ledger is sound. */
final class Invariants {

    private Invariants() {
    }

    static void assertHold(Api api) {
        Api.Reply reply = api.get("admin", "api/admin/invariants");
        assertEquals(200, reply.status(), reply.toString());
        assertTrue(reply.json().get("ok").asBoolean(), "ledger invariants broken: " + reply.body());
    }
}
