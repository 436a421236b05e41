package com.computemarket.billing.application;

import com.computemarket.chain.crypto.ChainKey;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Each organization's deposit key, derived from the platform's deposit secret and the organization alias:
 * private key = 1 + (HMAC-SHA256(secret, "deposit:" + alias) mod (n - 1)), n the secp256k1 order. Deterministic, so
 * nothing per organization needs storing and the platform can always re-derive a key to sweep its address.
 */
@Dependent
public class DepositKeys {

    /** The devnet default; anyone who reads this source can derive these keys. Never use it in production. */
    public static final String UNSAFE_DEVNET_SECRET = "computemarket-devnet-deposit-secret-UNSAFE";
    /** The order of the secp256k1 group. */
    private static final BigInteger N = new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);

    @Inject @ConfigProperty(name = "cm.deposits.secret", defaultValue = UNSAFE_DEVNET_SECRET)
    String secret;

    public DepositKeys() {
    }

    public DepositKeys(String secret) {
        this.secret = secret;
    }

    public ChainKey keyOf(String organization) {
        return derive(secret, organization);
    }

    public String addressOf(String organization) {
        return keyOf(organization).address();
    }

    public boolean usesUnsafeDefault() {
        return UNSAFE_DEVNET_SECRET.equals(secret);
    }

    static ChainKey derive(String secret, String organization) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalStateException("cm.deposits.secret must be at least 16 characters");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("deposit:" + organization).getBytes(StandardCharsets.UTF_8));
            return ChainKey.fromScalar(new BigInteger(1, digest).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
