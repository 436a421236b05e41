/**
 * Reporting: read-only views across the contexts (statements, payout reports, reconciliation of the ledger with the
 * chain, worker activity) for the portal. Joins by id, owns no table and changes nothing; who may read what follows
 * {@link com.computemarket.shared.Caller} as the API does.
 */
package com.computemarket.reporting;
