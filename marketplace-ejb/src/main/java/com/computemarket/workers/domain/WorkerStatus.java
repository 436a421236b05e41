package com.computemarket.workers.domain;

/** ACTIVE workers may connect and take jobs; SUSPENDED ones may not until an admin resumes them. */
public enum WorkerStatus {
    ACTIVE, SUSPENDED
}
