package com.computemarket.settlement.application;

import com.computemarket.settlement.domain.Payout;
import java.util.logging.Logger;

/**
 * TEST ONLY: halts the JVM right after a payout to the address in system property {@code cm.test.halt-after-sent}
 * was recorded SENT, the way a power cut would (no shutdown hooks, nothing flushed). PayoutCrashIT sets it in the
 * running server; it is never set in production.
 */
final class CrashHook {

    static final String HALT_AFTER_SENT = "cm.test.halt-after-sent";
    private static final Logger LOG = Logger.getLogger(CrashHook.class.getName());

    private CrashHook() {
    }

    static void afterSent(Payout payout) {
        String address = System.getProperty(HALT_AFTER_SENT);
        if (address != null && address.equals(payout.address())) {
            LOG.severe(() -> "TEST HOOK " + HALT_AFTER_SENT + ": halting the JVM after payout " + payout.id() + " was sent");
            Runtime.getRuntime().halt(137);
        }
    }
}
