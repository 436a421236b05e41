package com.computemarket.portal.reports;

import com.computemarket.reporting.application.PayoutReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The payout report as PDF (PDFBox, A4 landscape, a fixed-width font so that the columns line up): per payout its
 * worker, address, amount in CPC with all 18 decimals, status and confirmations, then its L1 transaction hash and block.
 */
public final class PayoutReportPdf {

    private static final float MARGIN = 36;
    private static final float SIZE = 7.5f;
    private static final float LEADING = 10;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private PayoutReportPdf() {
    }

    public static byte[] of(PayoutReport.Report report) {
        List<String> lines = new ArrayList<>();
        lines.add("Period: " + report.from() + " to " + report.to() + " (UTC, both days included)"
                + (report.workerId() == null ? ", all workers" : ", worker " + report.workerId()));
        lines.add("Generated: " + TIME.format(report.createdAt()) + "; chain height "
                + (report.chainHeight() == null ? "unknown (node did not answer)" : report.chainHeight()));
        lines.add("");
        lines.add(String.format("%-36s  %-44s  %28s  %-9s  %s", "worker", "address", "amount (CPC)", "status", "confirmation"));
        lines.add(String.format("%-36s  %-64s  %s", "  payout", "L1 transaction hash", "block height"));
        lines.add("-".repeat(170));
        for (PayoutReport.Row r : report.rows()) {
            lines.add(String.format("%-36s  %-44s  %28s  %-9s  %s", r.workerId(), r.address(), r.amount().toCpcFull(),
                    r.status(), r.confirmation()));
            lines.add(String.format("  %-34s  %-64s  %s", r.payoutId(), r.txHash() == null ? "(none yet)" : r.txHash(),
                    r.blockHeight() == null ? "-" : r.blockHeight()));
        }
        lines.add("-".repeat(170));
        lines.add(String.format("%-36s  %-44s  %28s  %s", "Total", report.rows().size() + " payouts", report.total().toCpcFull(), "CPC"));
        return render("ComputeMarket payout report", lines);
    }

    private static byte[] render(String title, List<String> lines) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("ComputeMarket portal");
            PDType1Font mono = new PDType1Font(Standard14Fonts.FontName.COURIER);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDRectangle size = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            int perPage = (int) ((size.getHeight() - 2 * MARGIN - 30) / LEADING);
            int page = 0;
            for (int start = 0; start < Math.max(1, lines.size()); start += perPage) {
                PDPage pdfPage = new PDPage(size);
                document.addPage(pdfPage);
                page++;
                try (PDPageContentStream content = new PDPageContentStream(document, pdfPage)) {
                    content.beginText();
                    content.setFont(bold, 14);
                    content.newLineAtOffset(MARGIN, size.getHeight() - MARGIN);
                    content.showText(title + (page > 1 ? " (page " + page + ")" : ""));
                    content.setFont(mono, SIZE);
                    content.setLeading(LEADING);
                    content.newLineAtOffset(0, -24);
                    for (String line : lines.subList(start, Math.min(lines.size(), start + perPage))) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
