package com.computemarket.connector.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromOneSecondUpToAMinute() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 1.0);
        long[] expected = {1, 2, 4, 8, 16, 32, 60, 60};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Duration.ofSeconds(expected[i]), b.ceiling(i), "attempt " + i);
            assertEquals(Duration.ofSeconds(expected[i]), b.delay(i), "attempt " + i);
        }
        assertEquals(Duration.ofSeconds(60), b.ceiling(1000));
    }

    @Test
    void jitterStaysInTheUpperHalf() {
        Backoff low = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.0);
        Backoff mid = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.5);
        assertEquals(Duration.ofMillis(500), low.delay(0));
        assertEquals(Duration.ofSeconds(4), low.delay(3));
        assertEquals(Duration.ofSeconds(6), mid.delay(3));
        assertEquals(Duration.ofSeconds(30), low.delay(40));
    }
}
