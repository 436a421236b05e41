package com.computemarket.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The one clock services inject, so tests can hand them a fixed one. */
@ApplicationScoped
public class Clocks {

    @Produces
    @ApplicationScoped
    Clock system() {
        return Clock.systemUTC();
    }
}
