package com.computemarket.connector.auth;

import java.time.Duration;

/** Waits; tests replace it so polling runs without real time passing. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = d -> Thread.sleep(d.toMillis());
}
