/**
 * Settlement: paying workers out on the L1. Owns Payout and PayoutBatch; moves money only through the billing
 * ledger and talks to the L1 only through the chain adapter, never inside a transaction that holds locks.
 */
package com.computemarket.settlement;
