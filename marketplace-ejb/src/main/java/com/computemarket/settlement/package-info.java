/**
 * Settlement: paying workers out on the L1, and nothing else (settling a verified job is the market's). Owns Payout
 * and PayoutBatch; moves money only through the billing ledger and talks to the L1 only through the chain adapter,
 * never inside a transaction that holds locks. Reports read payouts as {@code application.PayoutRecord}s.
 */
package com.computemarket.settlement;
