package com.computemarket.portal.reports;

import com.computemarket.reporting.application.PayoutReport;
import java.time.Instant;

/** The payout report as CSV (RFC 4180, UTF-8): amounts in CPC with all 18 decimals, one payout a row, then the total. */
public final class PayoutReportCsv {

    static final String HEADER = "payout_id,run_id,worker_id,worker_address,amount_cpc,fee_cpc,status,tx_hash,block_height,"
            + "block_hash,confirmation,created_at,confirmed_at";

    private PayoutReportCsv() {
    }

    public static String of(PayoutReport.Report report) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (PayoutReport.Row r : report.rows()) {
            csv.append(r.payoutId()).append(',').append(r.runId()).append(',').append(r.workerId()).append(',')
                    .append(field(r.address())).append(',').append(r.amount().toCpcFull()).append(',')
                    .append(r.fee() == null ? "" : r.fee().toCpcFull()).append(',').append(r.status()).append(',')
                    .append(field(r.txHash())).append(',').append(r.blockHeight() == null ? "" : r.blockHeight()).append(',')
                    .append(field(r.blockHash())).append(',').append(field(r.confirmation())).append(',')
                    .append(time(r.createdAt())).append(',').append(time(r.confirmedAt())).append("\r\n");
        }
        csv.append("total,,,,").append(report.total().toCpcFull()).append(",,,,,,").append(report.rows().size())
                .append(" payouts,,\r\n");
        return csv.toString();
    }

    private static String time(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** Quoted when it holds a comma, quote or line break; a leading =, +, - or @ is defused for spreadsheets. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return v.matches("(?s).*[,\"\r\n].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
