/**
 * Billing: the double-entry ledger (accounts, balanced journal entries with idempotency keys), escrow holds of tasks,
 * deposits from the L1 and manual credits. Other contexts move money and read it only through {@code billing.application}.
 */
package com.computemarket.billing;
