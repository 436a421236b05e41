/**
 * The compute backends: one {@code JobRunner} per challenge type ({@code Backends}), the CPU and GPU runners of synthetic jobs.
 */
package com.computemarket.connector.backend;
