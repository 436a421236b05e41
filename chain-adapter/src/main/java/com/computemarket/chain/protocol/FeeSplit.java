package com.computemarket.chain.protocol;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * How the node splits a block's fees: {@code int(total * 0.9)} to the proposer and
 * {@code int(total * 0.1)} to the treasury, computed in IEEE-754 doubles; the rest is burned as dust.
 * For large totals the doubles lose precision and dust can be negative (then nothing is burned).
 */
public record FeeSplit(BigInteger total, BigInteger validatorShare, BigInteger treasury, BigInteger dust) {

    public static FeeSplit of(BigInteger total) {
        double t = total.doubleValue(); // float(int): correctly rounded, as in Python
        BigInteger validator = truncate(t * 0.9);
        BigInteger treasury = truncate(t * 0.1);
        return new FeeSplit(total, validator, treasury, total.subtract(validator).subtract(treasury));
    }

    // Python int(float): exact value, truncated toward zero
    private static BigInteger truncate(double d) {
        return new BigDecimal(d).toBigInteger();
    }
}
