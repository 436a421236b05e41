package com.computemarket.portal.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.reporting.application.PayoutReport;
import com.computemarket.shared.Amount;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PayoutReportFilesTest {

    private static final String HASH = "ab".repeat(32);

    private static PayoutReport.Report report() {
        Instant now = Instant.parse("2026-11-20T10:00:00Z");
        var confirmed = new PayoutReport.Row(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "cpc1qexample",
                Amount.parseCpc("a", "2.500000000000000001"), Amount.ofWei(21_000_000L), "CONFIRMED", HASH, 42L,
                "cd".repeat(32), now, now, "confirmed (3 confirmations)");
        var pending = new PayoutReport.Row(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "cpc1qother",
                Amount.parseCpc("a", "1"), null, "PENDING", null, null, null, now, null, "pending, \"queued\"");
        return new PayoutReport.Report(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"), null,
                List.of(confirmed, pending), Amount.parseCpc("t", "3.500000000000000001"), 44L, now);
    }

    @Test
    void csvHasEveryPayoutWithAll18DecimalsTheL1ReferencesAndTheTotal() {
        String csv = PayoutReportCsv.of(report());
        String[] lines = csv.split("\r\n");
        assertEquals(PayoutReportCsv.HEADER, lines[0]);
        assertTrue(lines[1].contains(",2.500000000000000001,0.000000000021000000,CONFIRMED," + HASH + ",42,"), lines[1]);
        assertTrue(lines[2].contains(",1.000000000000000000,,PENDING,,,,\"pending, \"\"queued\"\"\","), lines[2]);
        assertEquals("total,,,,3.500000000000000001,,,,,,2 payouts,,", lines[3]);
    }

    @Test
    void csvDefusesSpreadsheetFormulas() {
        assertEquals("'=1+1", PayoutReportCsv.field("=1+1"));
        assertEquals("\"a,b\"", PayoutReportCsv.field("a,b"));
    }

    @Test
    void pdfTextShowsTheSameNumbers() throws Exception {
        String text;
        try (PDDocument pdf = Loader.loadPDF(PayoutReportPdf.of(report()))) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertTrue(text.contains("ComputeMarket payout report"), text);
        assertTrue(text.contains("2.500000000000000001"), text);
        assertTrue(text.matches("(?s).*" + HASH + "\\s+42.*"), "hash and block height on one line: " + text);
        assertTrue(text.matches("(?s).*Total\\s+2 payouts\\s+3\\.500000000000000001\\s+CPC.*"), text);
    }
}
