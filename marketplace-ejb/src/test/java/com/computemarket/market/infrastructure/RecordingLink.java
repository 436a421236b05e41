package com.computemarket.market.infrastructure;

import java.util.ArrayList;
import java.util.List;

/** A WorkerLink that keeps what was sent and whether it was closed. */
final class RecordingLink implements WorkerLink {
    final List<String> sent = new ArrayList<>();
    String closedBecause;

    @Override
    public void send(String text) {
        sent.add(text);
    }

    @Override
    public void close(String reason) {
        closedBecause = reason;
    }

    String last() {
        return sent.isEmpty() ? null : sent.get(sent.size() - 1);
    }
}
