package com.computemarket.chain.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** BIP-173's own test vectors, plus the node's address rules. */
class Bech32Test {

    @ParameterizedTest
    @ValueSource(strings = {"A12UEL5L", "a12uel5l",
        "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
        "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
        "11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j",
        "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w", "?1ezyfcl"})
    void validChecksums(String s) {
        Bech32.Decoded d = Bech32.decode(s).orElseThrow();
        assertEquals(s.toLowerCase(Locale.ROOT), Bech32.encode(d.hrp(), d.words()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00201nwldj5", "\u007f1axkwrx", "\u00801eym55h",
        "an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx",
        "pzry9x0s0muk", "1pzry9x0s0muk", "x1b4n0q5v", "li1dgmt3", "de1lg7wt\u00ff", "A1G7SGD8", "10a06t8", "1qzzfhee"})
    void invalidChecksums(String s) {
        assertTrue(Bech32.decode(s).isEmpty());
    }

    @Test
    void convertBitsRejectsNonZeroPadding() {
        assertTrue(Bech32.convertBits(new byte[] {31}, 5, 8, false).isEmpty());
        assertEquals(20, Bech32.convertBits(new byte[32], 5, 8, false).orElseThrow().length);
    }

    @Test
    void nodeAddressRules() {
        ChainKey k = ChainKey.fromHex("01".repeat(32));
        String address = k.address();
        assertEquals("cpc10xcqpzrky6eff2g52qdye53xkk9jxkvr2hadde", address);
        assertEquals("cpc", Addresses.prefixOf(address));
        assertEquals("cpcvalcons", Addresses.prefixOf(k.address(Addresses.HRP_CONSENSUS)));
        assertTrue(Addresses.isValid(address.toUpperCase(Locale.ROOT)));
        // the node derives the expected address with the sender's prefix as written, so upper case never matches
        assertFalse(Addresses.matchesPublicKey(address.toUpperCase(Locale.ROOT), k.publicKeyCompressed()));
        assertTrue(Addresses.matchesPublicKey(address, k.publicKeyCompressed()));
        assertTrue(Addresses.isValid(address, "cpc"));
        assertFalse(Addresses.isValid(address, "cpcvalcons"));
        assertFalse(Addresses.isValid(null));
        assertEquals("Invalid bech32 address",
                assertThrows(IllegalArgumentException.class, () -> Addresses.decode("cpc1")).getMessage());
        assertEquals(20, Addresses.decode(address).data().length);
    }
}
