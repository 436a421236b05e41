/**
 * Reporting: read-only views across the contexts (statements, payout reports, reconciliation of the ledger with the
 * chain, worker activity) for the portal. Joins by id, owns no table and changes nothing: it reads through the other
 * contexts' application services (value records, never their entities) and the L1 through its
 * {@code application.ChainReadings} port. Who may read what follows {@code shared.Caller} as the API does.
 */
package com.computemarket.reporting;
