package com.computemarket.market.application;

import java.util.UUID;

/** PLACEHOLDER port (the dispatch branch's version wins at merge): announces a job that is ready to be leased. */
public interface JobQueue {
    void ready(UUID jobId);
}
