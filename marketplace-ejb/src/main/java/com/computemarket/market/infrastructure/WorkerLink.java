package com.computemarket.market.infrastructure;

/**
 * The hub's view of one worker connection (the web module's WebSocket session adapts to it): send a text frame (in
 * order, without blocking), or close it.
 */
public interface WorkerLink {

    void send(String text);

    void close(String reason);
}
