package com.computemarket.settlement.api;

import java.util.List;

/** {@code GET /payouts}: one page, newest first. */
public record PayoutPage(List<PayoutView> payouts, long total, int limit, int offset) {
}
