package com.computemarket.market.api;

/** The hub's view of one worker connection: send a text frame (in order, without blocking), or close it. */
interface WorkerLink {

    void send(String text);

    void close(String reason);
}
