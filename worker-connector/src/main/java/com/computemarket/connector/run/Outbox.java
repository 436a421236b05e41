package com.computemarket.connector.run;

import com.computemarket.workerprotocol.WireMessage;

/** Where a frame for the server goes: one connection attempt, or whichever attempt is current. */
interface Outbox {

    /** Sends the message when the socket is open; a closed socket drops it (a result is sent again after a reconnect). */
    void send(WireMessage message);
}
