package com.computemarket.workers.application;

import java.util.List;

/** One page of workers and how many there are in all. */
public record WorkerPage(List<WorkerDetails> workers, long total, int limit, int offset) {
}
