/**
 * The market: customers' tasks, their split into jobs, and the jobs' way through queues and leases to workers.
 * Owns Task and Job; refers to organizations, workers and ledger accounts by id only.
 */
package com.computemarket.market;
