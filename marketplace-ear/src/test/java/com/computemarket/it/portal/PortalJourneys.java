package com.computemarket.it.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.it.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The client side of {@link PortalIT}: each role's path through the portal in {@link Browser}. Kept out of the test
 * class so that the server, which loads PortalIT for its in-container fixture, never needs Selenium.
 */
final class PortalJourneys {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TX_HASH = Pattern.compile("[0-9a-f]{64}");

    private PortalJourneys() {
    }

    static void anAdminCreditsAnOrganizationAndSuspendsAndResumesAWorker(String portal, String server) {
        try (Browser b = new Browser(portal)) {
            b.signIn("admin");
            assertTrue(b.has("nav-admin") && b.has("nav-ledger"), "an admin sees administration and finance");
            assertFalse(b.has("nav-tasks"), "an admin is not a customer");
            b.open("/admin/admin.xhtml");
            b.assertLabelled();
            b.find("credit:organization").sendKeys("acme");
            b.find("credit:amount").sendKeys("25.000000000000000007");
            b.find("credit:reason").sendKeys("portal IT wire transfer");
            b.submit("credit:credit-now");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".msg")));
            assertTrue(b.messages().contains("Credited 25.000000000000000007 CPC to acme"), b.messages());

            b.find("credit:reason").sendKeys("no amount");
            b.find("credit:organization").sendKeys("acme");
            b.submit("credit:credit-now");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".msg.error, .error")));
            assertTrue(b.messages().contains("amount"), "a clear error for a credit without an amount: " + b.messages());

            Select worker = new Select(b.find("suspension:worker"));
            WebElement first = worker.getOptions().stream().filter(o -> !o.getAttribute("value").isEmpty()).findFirst().orElseThrow();
            String id = first.getAttribute("value");
            worker.selectByValue(id);
            b.find("suspension:reason").sendKeys("portal IT maintenance");
            b.submit("suspension:suspend");
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-worker='" + id + "']"), "SUSPENDED"));
            b.screenshot("admin-worker-suspended");
            new Select(b.find("suspension:worker")).selectByValue(id);
            b.submit("suspension:resume");
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-worker='" + id + "']"), "ACTIVE"));
            assertTrue(b.messages().contains("active again"), b.messages());

            // the payout-run button runs a real payout run (PortalIT's first step paid everything due, so this one
            // finds nothing to pay and says so)
            b.open("/finance/payouts.xhtml");
            b.submit("run:run-now");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".msg")));
            assertTrue(b.messages().matches("(?s).*Payout run [0-9a-f-]{36}: \\d+ payouts, [0-9.]+ CPC\\..*"), b.messages());
            b.screenshot("admin-payout-run");
            b.signOut();
        }
    }

    static void aCustomerPreviewsEveryChallengeTypeCreatesATaskAndFollowsIt(String portal, String server) throws Exception {
        try (Browser b = new Browser(portal)) {
            b.signIn("customer");
            assertTrue(b.has("nav-tasks") && b.has("nav-statements"), "a customer's navigation");
            assertFalse(b.has("nav-ledger") || b.has("nav-admin") || b.has("nav-workers"), "no finance, admin or operator pages");
            b.screenshot("customer-home");

            b.open("/customer/balance.xhtml");
            assertTrue(b.text("deposit-address").startsWith("cpc1"), "deposit instructions name the address: " + b.text("deposit-address"));
            assertTrue(new BigDecimal(b.text("available")).compareTo(new BigDecimal("25")) >= 0, "the admin's credit is available");
            b.screenshot("customer-balance");

            b.open("/customer/new-task.xhtml");
            b.assertLabelled();
            Select type = new Select(b.find("task:type"));
            List<String> types = type.getOptions().stream().map(o -> o.getAttribute("value")).toList();
            assertEquals(List.of("synthetic", "inference"), types, "only what a worker can run is offered");
            new Select(b.find("task:type")).selectByValue("synthetic");
            b.submit("task:preview");
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-jobs")));
            assertEquals("2", b.text("preview-jobs"), "20 iterations run as 2 jobs of up to 10: " + b.messages());
            assertEquals("", b.messages(), "synthetic previews without a refusal");
            // the inference example names a catalogue model; where the catalogue does not offer it, the market says so
            new Select(b.find("task:type")).selectByValue("inference");
            b.submit("task:preview");
            b.wait.until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(By.id("preview-jobs")),
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector(".msg"))));
            assertTrue(b.has("price-preview") || b.messages().contains("payload.model_id"), b.messages());

            // bad input: the market's own refusals, shown on the form
            new Select(b.find("task:type")).selectByValue("synthetic");
            setValue(b, "task:reward", "ten");
            b.submit("task:preview");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".msg")));
            assertTrue(b.messages().contains("reward must be a non-negative decimal CPC string"), b.messages());
            assertFalse(b.has("price-preview"));
            b.screenshot("customer-new-task-error");
            setValue(b, "task:payload", "{\"seed\": \"00ff\", \"matrix_size\": 64, \"iterations\": 20, \"colour\": 1}");
            setValue(b, "task:reward", "1.5");
            b.submit("task:preview");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".msg")));
            assertTrue(b.messages().contains("payload.colour is not a field of a synthetic task"), b.messages());
            setValue(b, "task:payload", "{\"seed\": ");
            b.submit("task:preview");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".msg")));
            assertTrue(b.messages().contains("not valid JSON"), b.messages());

            // from the keyboard: fill the form and press Enter on "Create task"
            setValue(b, "task:payload", "{\"seed\": \"00ff\", \"matrix_size\": 64, \"iterations\": 20}");
            b.find("task:reward").click();
            b.find("task:reward").sendKeys(Keys.chord(Keys.CONTROL, "a"), "1.5");
            b.find("task:preview").sendKeys(Keys.ENTER);
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("price-preview")));
            assertEquals("2", b.text("preview-jobs"));
            assertEquals("1.5", b.text("preview-reward"));
            assertEquals("0.15 CPC", b.text("preview-fee"), "10 % platform fee");
            b.screenshot("customer-price-preview");
            b.find("task:reward").click();
            for (int i = 0; i < 6 && !"task:create".equals(b.focused().getAttribute("id")); i++) {
                b.focused().sendKeys(Keys.TAB);
            }
            assertEquals("task:create", b.focused().getAttribute("id"), "Tab reaches the create button");
            b.focused().sendKeys(Keys.ENTER);
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("task-id")));
            String taskId = b.text("task-id");
            assertTrue(b.messages().contains("Task " + taskId + " created"), b.messages());
            assertEquals("1.5", b.text("task-reward"));
            assertEquals(2, b.driver.findElements(By.cssSelector("#jobs tbody tr")).size(), "two jobs of up to 10 iterations");
            assertTrue(b.driver.findElement(By.id("jobs")).getText().contains("not verified yet"), "verification and L1 columns are there");
            b.screenshot("customer-task-detail");

            HttpResponse<byte[]> result = b.download(b.find("download").getAttribute("href"));
            assertEquals(200, result.statusCode());
            assertTrue(new String(result.body(), StandardCharsets.UTF_8).contains("\"task_id\":\"" + taskId + "\""));

            b.open("/customer/tasks.xhtml?type=synthetic");
            WebElement status = b.driver.findElement(By.cssSelector("[data-task-status='" + taskId + "']"));
            assertTrue(List.of("pending", "in_progress", "completed", "failed").contains(status.getText()), status.getText());
            String live = new String(b.download(b.portal + "/status?ids=" + taskId).body(), StandardCharsets.UTF_8);
            assertTrue(live.contains("\"" + taskId + "\":\""), "the live status endpoint answers: " + live);
            b.screenshot("customer-tasks");
            // live: the task is cancelled elsewhere (the API) and the open list shows it without a reload
            HttpResponse<String> cancelled = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(server + "/api/tasks/" + taskId + "/cancel"))
                    .header("Authorization", "Bearer " + Tokens.forUser("customer", "customer"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, cancelled.statusCode(), cancelled.body());
            b.wait.until(ExpectedConditions.textToBePresentInElement(status, "cancelled"));
            b.screenshot("customer-tasks-live-cancelled");

            b.open("/customer/statement.xhtml?month=" + YearMonth.now(ZoneOffset.UTC));
            String statement = b.find("statement").getText();
            assertTrue(statement.contains("manual-credit") && statement.contains("escrow-hold"), statement);
            assertTrue(statement.contains("25.000000000000000007"), "amounts with all 18 decimals: " + statement);
            b.screenshot("customer-statement");

            b.driver.get(b.portal + "/finance/ledger.xhtml");
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("forbidden")));

            b.open("/index.xhtml");
            b.signOut();
            b.screenshot("customer-signed-out");
            b.driver.get(b.portal + "/index.xhtml");
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        }
    }

    static void aWorkerOperatorSeesItsWorkersEarningsAndPayouts(String portal, String server) {
        try (Browser b = new Browser(portal)) {
            b.signIn("worker");
            assertTrue(b.has("nav-workers"));
            assertFalse(b.has("nav-tasks") || b.has("nav-ledger") || b.has("nav-admin"));
            b.open("/operator/workers.xhtml");
            assertTrue(Integer.parseInt(b.text("worker-count")) >= 1);
            assertTrue(b.driver.findElements(By.cssSelector("svg.chart")).size() >= 2, "jobs and earnings charts");
            String page = b.find("main").getText();
            assertTrue(page.contains("offline") || page.contains("online"));
            assertTrue(page.contains("2.500000000000000001"), "the fixture payout, with all 18 decimals");
            String payouts = b.find("payouts").getText();
            assertTrue(payouts.contains("CONFIRMED") && TX_HASH.matcher(payouts).find(), "a confirmed payout with its L1 hash: " + payouts);
            b.screenshot("operator-workers");
            b.signOut();
        }
    }

    static void financeExportsThePayoutReportAsCsvAndPdfThatMatchTheLedgerAndReconciles(String portal, String server) throws Exception {
        try (Browser b = new Browser(portal)) {
            b.signIn("finance");
            assertTrue(b.has("nav-ledger") && b.has("nav-report") && b.has("nav-reconciliation"));
            assertFalse(b.has("nav-admin") || b.has("nav-tasks"), "finance reads; it neither administers nor buys");
            b.open("/finance/ledger.xhtml");
            assertTrue(Long.parseLong(b.text("entry-total")) > 0);
            b.screenshot("finance-ledger");

            b.open("/finance/report.xhtml");
            b.assertLabelled();
            assertTrue(Integer.parseInt(b.text("report-count")) >= 1);
            b.screenshot("finance-payout-report");

            String csv = new String(b.download(b.find("csv").getAttribute("href")).body(), StandardCharsets.UTF_8);
            assertTrue(csv.startsWith("payout_id,run_id,worker_id,worker_address,amount_cpc"), csv);
            assertTrue(csv.contains(",2.500000000000000001,"), "the fixture payout in CSV: " + csv);

            HttpResponse<byte[]> pdfResponse = b.download(b.find("pdf").getAttribute("href"));
            assertEquals(200, pdfResponse.statusCode());
            assertEquals("application/pdf", pdfResponse.headers().firstValue("Content-Type").orElse(""));
            Files.write(Browser.SHOTS.resolve("payout-report.pdf"), pdfResponse.body());
            String pdf;
            try (PDDocument document = Loader.loadPDF(pdfResponse.body())) {
                pdf = new PDFTextStripper().getText(document);
            }

            // every confirmed payout of this month in the PDF: amount (18 decimals), tx hash and block as the ledger has them
            String finance = Tokens.forUser("finance", "finance");
            JsonNode apiPayouts = get(server, finance, "api/payouts?limit=500").get("payouts");
            JsonNode entries = get(server, finance, "api/ledger/entries?limit=500").get("entries");
            Instant monthStart = YearMonth.now(ZoneOffset.UTC).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            BigDecimal sum = BigDecimal.ZERO;
            int checked = 0;
            for (JsonNode p : apiPayouts) {
                if (Instant.parse(p.get("created_at").asText()).isBefore(monthStart)) {
                    continue;
                }
                BigDecimal amount = new BigDecimal(p.get("amount").asText());
                sum = sum.add(amount);
                if (!"CONFIRMED".equals(p.get("status").asText())) {
                    continue;
                }
                BigDecimal ledgerAmount = payoutEntryAmount(entries, p.get("id").asText());
                assertEquals(0, amount.compareTo(ledgerAmount), "payout and ledger agree for " + p);
                String line = amount.setScale(18).toPlainString();
                assertTrue(pdf.contains(line), "the PDF shows " + line + " for payout " + p.get("id").asText());
                assertTrue(pdf.contains(p.get("tx_hash").asText()), "the PDF shows the L1 hash of " + p.get("id").asText());
                assertTrue(Pattern.compile(Pattern.quote(p.get("tx_hash").asText()) + "\\s+" + p.get("block_height").asLong())
                        .matcher(pdf).find(), "and its block height");
                checked++;
            }
            assertTrue(checked >= 1, "at least the fixture payout was checked");
            Matcher total = Pattern.compile("Total\\s+\\d+ payouts\\s+([0-9.]+)\\s+CPC").matcher(pdf);
            assertTrue(total.find(), pdf);
            assertEquals(0, sum.compareTo(new BigDecimal(total.group(1))), "the PDF's total is the sum of this month's payouts");
            assertTrue(pdf.contains("2.500000000000000001"), pdf);

            b.open("/finance/reconciliation.xhtml");
            String rows = b.find("reconciliation").getText();
            assertTrue(rows.contains("MATCHED"), rows);
            JsonNode fixture = null;
            for (JsonNode p : apiPayouts) { // newest first: this run's fixture (a reused H2 file may hold older ones)
                if ("2.500000000000000001".equals(p.get("amount").asText()) && "CONFIRMED".equals(p.get("status").asText())) {
                    fixture = p;
                    break;
                }
            }
            WebElement row = b.driver.findElement(By.xpath("//table[@id='reconciliation']//tr[td[contains(., '"
                    + fixture.get("tx_hash").asText() + "')]]"));
            assertTrue(row.getText().contains("MATCHED"), row.getText());
            assertFalse(row.getAttribute("class").contains("difference"));
            b.screenshot("finance-reconciliation");

            b.open("/finance/credits.xhtml");
            assertTrue(b.find("credits").getText().contains("portal IT wire transfer"));
            b.screenshot("finance-credits");
            b.signOut();
        }
    }

    /** The task page shows a job's verification verdict, its challenge block, and the SUBMIT_RESULT with its block. */
    static void aCustomerSeesAJobsVerdictAndItsL1Block(String portal, String server) throws Exception {
        String token = Tokens.forUser("customer", "customer");
        String taskId = null;
        for (JsonNode t : get(server, token, "api/tasks?challenge_type=synthetic&limit=100").get("tasks")) {
            if (VerifiedTaskFixture.REWARD.replaceAll("0+$", "").equals(t.get("reward").asText().replaceAll("0+$", ""))) {
                taskId = t.get("task_id").asText();
            }
        }
        assertTrue(taskId != null, "the fixture's verified task is in acme's list");
        try (Browser b = new Browser(portal)) {
            b.signIn("customer");
            b.open("/customer/task.xhtml?id=" + taskId);
            String jobs = b.driver.findElement(By.id("jobs")).getText();
            assertTrue(jobs.contains("settled: accepted: 16 rows opened, 256 entries recomputed (challenge block "
                    + (VerifiedTaskFixture.BLOCK - 2) + ")"), jobs);
            assertTrue(jobs.contains(VerifiedTaskFixture.TX_HASH + " / block " + VerifiedTaskFixture.BLOCK), jobs);
            b.screenshot("customer-task-verified");
        }
    }

    /** Sets a field's value as a user would by selecting all and typing. */
    private static void setValue(Browser b, String id, String value) {
        WebElement field = b.find(id);
        field.click();
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(value);
    }

    private static JsonNode get(String server, String token, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server + "/" + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    /** The amount the ledger moved into payouts in flight for this payout (its "payout" entry). */
    private static BigDecimal payoutEntryAmount(JsonNode entries, String payoutId) {
        for (JsonNode e : entries) {
            if ("payout".equals(e.get("kind").asText()) && payoutId.equals(e.get("reference").asText())) {
                for (JsonNode posting : e.get("postings")) {
                    if ("PAYOUTS_IN_FLIGHT".equals(posting.get("account_type").asText())) {
                        return new BigDecimal(posting.get("amount").asText());
                    }
                }
            }
        }
        throw new AssertionError("no ledger entry for payout " + payoutId);
    }
}
