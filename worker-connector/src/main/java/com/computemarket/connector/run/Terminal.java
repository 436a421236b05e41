package com.computemarket.connector.run;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

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

    /** A job or task id in a log line: its first 8 hex digits. */
    static String shortId(UUID id) {
        return id.toString().substring(0, 8);
    }

    /** "1.23 s" under ten seconds, else whole seconds. */
    static String seconds(long millis) {
        return millis < 10_000 ? String.format(Locale.ROOT, "%.2f s", millis / 1000.0) : (millis / 1000) + " s";
    }

    static String abbreviate(String hash) {
        return hash.length() <= 16 ? hash : hash.substring(0, 16) + "…";
    }
}
