package com.computemarket.billing.infrastructure;

import com.computemarket.billing.application.DepositIntake;
import com.computemarket.billing.application.DepositKeys;
import com.computemarket.billing.application.DepositScan;
import com.computemarket.chain.rpc.ChainRpcException;
import com.computemarket.chain.settlement.ChainSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Polls the L1 for deposits on a timer (cm.deposits.poll) and credits them after cm.deposits.confirmations blocks.
 * The scan position lives in the database, so a restart goes on where it stopped. In a cluster run it as a
 * singleton (HA singleton deployment policy); two scanners would still credit nothing twice, because each block is
 * taken under the locked cursor row and each transfer is keyed by its hash. Node down: logged once, retried each tick.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DepositScanner {

    private static final Logger LOG = Logger.getLogger(DepositScanner.class.getName());
    private static final int MAX_BLOCKS_PER_PASS = 500;

    @Resource TimerService timers;
    @Inject DepositIntake intake;
    @Inject DepositKeys keys;
    @Inject ChainSettings chain;
    @Inject @ConfigProperty(name = "cm.deposits.enabled", defaultValue = "true")
    boolean enabled;
    @Inject @ConfigProperty(name = "cm.deposits.poll", defaultValue = "PT2S")
    Duration poll;
    @Inject @ConfigProperty(name = "cm.deposits.confirmations", defaultValue = "3")
    int confirmations;

    private DepositScan scan;
    private String failing;

    @PostConstruct
    void start() {
        if (!enabled) {
            LOG.info("deposit scanning is disabled (cm.deposits.enabled=false)");
            return;
        }
        if (keys.usesUnsafeDefault()) {
            LOG.warning("deposit addresses derive from the public devnet secret: set cm.deposits.secret outside a devnet");
        }
        // one quick attempt per tick: the next tick is the retry
        scan = new DepositScan(ChainBlockSource.quick(chain.nodeUrl()), intake, confirmations, MAX_BLOCKS_PER_PASS);
        next();
        LOG.info(() -> "scanning " + chain.nodeUrl() + " for deposits every " + poll + ", credited after "
                + confirmations + " confirmations");
    }

    /** One timer at a time, set again after each pass: a slow pass delays the next instead of overlapping it. */
    private void next() {
        timers.createSingleActionTimer(poll.toMillis(), new TimerConfig("deposit-scan", false));
    }

    @Timeout
    void tick() {
        try {
            pass();
        } finally {
            next();
        }
    }

    private void pass() {
        try {
            scan.runOnce();
            if (failing != null) {
                LOG.info("deposit scanning works again");
                failing = null;
            }
        } catch (ChainRpcException e) {
            failed("the L1 node " + chain.nodeUrl() + " does not answer the deposit scanner (" + e.getMessage()
                    + "); retrying every " + poll, null);
        } catch (RuntimeException e) {
            failed("deposit scan failed: " + e, e);
        }
    }

    private void failed(String message, Throwable cause) {
        if (!message.equals(failing)) {
            LOG.log(Level.WARNING, message, cause);
            failing = message;
        }
    }
}
