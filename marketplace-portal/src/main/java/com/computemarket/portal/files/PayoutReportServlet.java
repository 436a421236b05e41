package com.computemarket.portal.files;

import com.computemarket.portal.PortalCaller;
import com.computemarket.portal.finance.ReportQuery;
import com.computemarket.portal.reports.PayoutReportCsv;
import com.computemarket.portal.reports.PayoutReportPdf;
import com.computemarket.reporting.application.PayoutReport;
import com.computemarket.shared.DomainException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** GET /finance/payout-report.csv and .pdf?from=…&amp;to=…[&amp;worker=…]: the report page's payout report as a file. */
@WebServlet({"/finance/payout-report.csv", "/finance/payout-report.pdf"})
public class PayoutReportServlet extends HttpServlet {

    @Inject PortalCaller callers;
    @Inject PayoutReport reports;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ReportQuery query = ReportQuery.from(blankToNull(request.getParameter("from")), blankToNull(request.getParameter("to")),
                blankToNull(request.getParameter("worker")));
        if (query.problem() != null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, query.problem());
            return;
        }
        PayoutReport.Report report;
        try {
            report = reports.report(callers.current(), query.from(), query.to(), query.worker());
        } catch (DomainException e) {
            response.sendError(e.status(), e.getMessage());
            return;
        }
        String name = "payout-report-" + query.from() + "-" + query.to();
        response.setHeader("Cache-Control", "no-store");
        if (request.getServletPath().endsWith(".pdf")) {
            byte[] pdf = PayoutReportPdf.of(report);
            response.setContentType("application/pdf");
            response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"");
            response.setContentLength(pdf.length);
            response.getOutputStream().write(pdf);
        } else {
            byte[] csv = PayoutReportCsv.of(report).getBytes(StandardCharsets.UTF_8);
            response.setContentType("text/csv; charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
            response.setContentLength(csv.length);
            response.getOutputStream().write(csv);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
