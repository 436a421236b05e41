package com.computemarket.it.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.computemarket.billing.application.Ledger;
import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.it.Deployments;
import com.computemarket.it.PayoutFixture;
import com.computemarket.it.TestWorkers;
import com.computemarket.settlement.application.PayoutRun;
import com.computemarket.settlement.application.PayoutSteps;
import com.computemarket.settlement.domain.Payout;
import com.computemarket.settlement.domain.PayoutStatus;
import com.computemarket.shared.Amount;
import jakarta.inject.Inject;
import java.net.URL;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The portal in a real browser (headless Chromium) through the real Keycloak login: each role's main path, end to
 * end, with screenshots in target/portal-screenshots. The first test runs in the server and pays a worker of the demo
 * operator on the devnet L1, so that the operator, finance and reconciliation pages have a real payout to show.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalIT {

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.marketplaceWith(PortalIT.class, PayoutFixture.class, TestWorkers.class, VerifiedTaskFixture.class);
    }

    @Inject PayoutRun payoutRun;
    @Inject PayoutSteps steps;
    @Inject Ledger ledger;
    @Inject TestWorkers workers;
    @Inject VerifiedTaskFixture verified;

    @ArquillianResource
    URL base;

    @Test
    @Order(1)
    void aWorkerOfTheDemoOperatorIsPaidOnTheChain() throws Exception {
        String address = ChainKey.generate(new SecureRandom()).address();
        Amount amount = Amount.parseCpc("amount", "2.500000000000000001");
        UUID worker = PayoutFixture.workerWithPayable(workers, ledger, address, amount);
        PayoutRun.Result run = payoutRun.run("portal-it");
        PayoutFixture.settle(run, steps); // every payout of the run (others' payables too) is in a block before the reports
        Payout created = run.payouts().stream().filter(p -> p.workerId().equals(worker)).findFirst().orElseThrow();
        Payout paid = PayoutFixture.awaitStatus(steps, created.id(), PayoutStatus.CONFIRMED, Duration.ofSeconds(60));
        assertEquals(PayoutStatus.CONFIRMED, paid.status(), "the fixture payout is in a block");
        verified.verifiedTask();
    }

    @Test
    @Order(2)
    @RunAsClient
    void anAdminCreditsAnOrganizationAndSuspendsAndResumesAWorker() throws Exception {
        assumeTrue(browserInstalled(), "chromium and chromedriver are not installed (bin/test installs them with apt-get)");
        PortalJourneys.anAdminCreditsAnOrganizationAndSuspendsAndResumesAWorker(server() + "/portal", server());
    }

    @Test
    @Order(3)
    @RunAsClient
    void aCustomerPreviewsEveryChallengeTypeCreatesATaskAndFollowsIt() throws Exception {
        assumeTrue(browserInstalled(), "chromium and chromedriver are not installed (bin/test installs them with apt-get)");
        PortalJourneys.aCustomerPreviewsEveryChallengeTypeCreatesATaskAndFollowsIt(server() + "/portal", server());
    }

    @Test
    @Order(4)
    @RunAsClient
    void aWorkerOperatorSeesItsWorkersEarningsAndPayouts() throws Exception {
        assumeTrue(browserInstalled(), "chromium and chromedriver are not installed (bin/test installs them with apt-get)");
        PortalJourneys.aWorkerOperatorSeesItsWorkersEarningsAndPayouts(server() + "/portal", server());
    }

    @Test
    @Order(5)
    @RunAsClient
    void financeExportsThePayoutReportAsCsvAndPdfThatMatchTheLedgerAndReconciles() throws Exception {
        assumeTrue(browserInstalled(), "chromium and chromedriver are not installed (bin/test installs them with apt-get)");
        PortalJourneys.financeExportsThePayoutReportAsCsvAndPdfThatMatchTheLedgerAndReconciles(server() + "/portal", server());
    }

    @Test
    @Order(6)
    @RunAsClient
    void aCustomerSeesAJobsVerdictAndItsL1Block() throws Exception {
        assumeTrue(browserInstalled(), "chromium and chromedriver are not installed (bin/test installs them with apt-get)");
        PortalJourneys.aCustomerSeesAJobsVerdictAndItsL1Block(server() + "/portal", server());
    }

    private String server() {
        return "http://" + base.getHost() + ":" + base.getPort();
    }

    private static boolean browserInstalled() {
        return new java.io.File(System.getProperty("cm.it.chromium", "/usr/bin/chromium")).canExecute()
                && new java.io.File(System.getProperty("cm.it.chromedriver", "/usr/bin/chromedriver")).canExecute();
    }
}
