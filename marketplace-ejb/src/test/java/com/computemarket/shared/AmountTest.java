package com.computemarket.shared;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AmountTest {

    @Test
    void parsesDecimalCpcIntoWeiExactly() {
        assertEquals(new BigInteger("10000000000000000000"), Amount.parseCpc("reward", "10.0").wei());
        assertEquals(BigInteger.ONE, Amount.parseCpc("reward", "0.000000000000000001").wei());
        assertEquals(new BigInteger("123450000000000000000"), Amount.parseCpc("reward", "123.45").wei());
        assertEquals(BigInteger.ZERO, Amount.parseCpc("reward", "0").wei());
    }

    @Test
    void printsTheApiForm() {
        assertEquals("10.0", Amount.cpc(10).toCpc());
        assertEquals("0.000000000000000001", Amount.ofWei(1).toCpc());
        assertEquals("123.45", Amount.parseCpc("x", "123.450").toCpc());
        assertEquals("0.0", Amount.ZERO.toCpc());
        assertEquals("-1.5", Amount.parseCpc("x", "1.5").negate().toCpc());
        assertEquals("10.000000000000000000", Amount.cpc(10).toCpcFull());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1e3", "1.0000000000000000001", " 1", "1,5", "abc", "", ".5", "1.", "+1", "0x10"})
    void refusesAnythingButAPlainNonNegativeDecimal(String text) {
        DomainException e = assertThrows(DomainException.class, () -> Amount.parseCpc("reward", text));
        assertEquals(400, e.status());
        assertEquals("invalid-amount", e.type());
    }

    @Test
    void splitsWithoutLosingAWei() {
        Amount[] shares = Amount.ofWei(10).split(3);
        assertArrayEquals(new Amount[]{Amount.ofWei(3), Amount.ofWei(3), Amount.ofWei(4)}, shares);
        assertEquals(Amount.ofWei(10), Arrays.stream(shares).reduce(Amount.ZERO, Amount::plus));
    }

    @Test
    void basisPointsRoundDown() {
        assertEquals(Amount.ofWei(99), Amount.ofWei(999).basisPoints(1000));
    }
}
