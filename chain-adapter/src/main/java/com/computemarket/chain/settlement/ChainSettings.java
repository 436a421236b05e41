package com.computemarket.chain.settlement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the L1 node is and how the platform talks to it. MicroProfile Config: each {@code cm.x.y} may also be
 * set as an environment variable {@code CM_X_Y}.
 */
@ApplicationScoped
public class ChainSettings {

    @Inject @ConfigProperty(name = "cm.l1.url", defaultValue = "http://127.0.0.1:8000")
    String nodeUrl;

    /** Gas price offered by the platform wallet; the devnet's minimum is 1000. */
    @Inject @ConfigProperty(name = "cm.chain.gas-price", defaultValue = "1000")
    BigInteger gasPrice;

    /** How long to look for a sent transaction in blocks before giving up on it explicitly. */
    @Inject @ConfigProperty(name = "cm.chain.confirmation-timeout", defaultValue = "PT2M")
    Duration confirmationTimeout;

    /** How often to ask for the next block while waiting for an inclusion. */
    @Inject @ConfigProperty(name = "cm.chain.block-poll", defaultValue = "PT1S")
    String blockPoll;

    @Inject @ConfigProperty(name = "cm.wallet.keystore")
    Optional<String> walletKeystore;

    @Inject @ConfigProperty(name = "cm.wallet.passphrase")
    Optional<String> walletPassphrase;

    public String nodeUrl() {
        return nodeUrl;
    }

    public BigInteger gasPrice() {
        return gasPrice;
    }

    public Duration confirmationTimeout() {
        return confirmationTimeout;
    }

    /** Accepts ISO-8601 ({@code PT1S}) or a short form ({@code 200ms}, {@code 2s}). */
    public Duration blockPoll() {
        String text = blockPoll.trim();
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        if (text.endsWith("s") && !text.startsWith("P")) {
            return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        return Duration.parse(text);
    }

    public Optional<String> walletKeystore() {
        return walletKeystore;
    }

    public Optional<String> walletPassphrase() {
        return walletPassphrase;
    }
}
