package com.computemarket.connector.run;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The run log: one time-stamped line per event, from any thread. */
public final class Terminal {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintWriter out;
    private final Clock clock;
    private final boolean verbose;

    public Terminal(PrintWriter out, Clock clock, boolean verbose) {
        this.out = out;
        this.clock = clock;
        this.verbose = verbose;
    }

    public synchronized void line(String message) {
        out.println(TIME.format(clock.instant().atZone(ZoneId.systemDefault())) + "  " + message);
        out.flush();
    }

    public void detail(String message) {
        if (verbose) {
            line(message);
        }
    }
}
