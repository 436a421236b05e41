package com.computemarket.billing.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.chain.crypto.Addresses;
import com.computemarket.chain.crypto.ChainKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class DepositKeysTest {

    private static final BigInteger N = new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);

    @Test
    void theSameSecretAndOrganizationAlwaysGiveTheSameValidAccountAddress() {
        String first = new DepositKeys("platform-secret-1234").addressOf("acme");
        String second = new DepositKeys("platform-secret-1234").addressOf("acme");

        assertEquals(first, second);
        assertTrue(Addresses.isValid(first, Addresses.HRP_ACCOUNT), first);
        assertTrue(first.startsWith("cpc1"), first);
    }

    @Test
    void otherOrganizationsAndOtherSecretsGiveOtherAddresses() {
        DepositKeys keys = new DepositKeys("platform-secret-1234");

        assertNotEquals(keys.addressOf("acme"), keys.addressOf("globex"));
        assertNotEquals(keys.addressOf("acme"), new DepositKeys("platform-secret-5678").addressOf("acme"));
    }

    @Test
    void thePrivateKeyIsTheHmacOfTheOrganizationReducedIntoTheCurveOrder() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("platform-secret-1234".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        BigInteger d = new BigInteger(1, mac.doFinal("deposit:acme".getBytes(StandardCharsets.UTF_8)))
                .mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);

        ChainKey key = new DepositKeys("platform-secret-1234").keyOf("acme");

        assertEquals(ChainKey.fromScalar(d).address(), key.address());
        assertEquals(key.address(), Addresses.fromPublicKey(key.publicKeyCompressed(), Addresses.HRP_ACCOUNT));
    }

    @Test
    void theUnsafeDefaultIsRecognisedAndAShortSecretIsRefused() {
        assertTrue(new DepositKeys(DepositKeys.UNSAFE_DEVNET_SECRET).usesUnsafeDefault());
        assertThrows(IllegalStateException.class, () -> new DepositKeys("short").addressOf("acme"));
    }
}
