package com.computemarket.shared;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Money in 10^-18 CPC ("wei"), an integer. Shown at the API as a decimal CPC string ("10.0"); nothing in between
 * is ever a floating-point number.
 */
public record Amount(BigInteger wei) implements Comparable<Amount> {

    public static final int DECIMALS = 18;
    public static final Amount ZERO = new Amount(BigInteger.ZERO);
    private static final BigInteger ONE_CPC = BigInteger.TEN.pow(DECIMALS);
    private static final Pattern CPC = Pattern.compile("\\d{1,20}(\\.\\d{1,18})?");

    public Amount {
        Objects.requireNonNull(wei, "wei");
    }

    public static Amount ofWei(BigInteger wei) {
        return new Amount(wei);
    }

    public static Amount ofWei(long wei) {
        return new Amount(BigInteger.valueOf(wei));
    }

    /**
     * Parses a non-negative decimal CPC string ("10", "10.0", "0.000000000000000001"); anything else
     * (signs, exponents, more than 18 decimals, spaces) is refused with a message that says why.
     */
    public static Amount parseCpc(String field, String text) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid("invalid-amount", field + " is required, as a decimal CPC string such as \"10.0\"");
        }
        if (!CPC.matcher(text).matches()) {
            throw DomainException.invalid("invalid-amount", field + " must be a non-negative decimal CPC string with at most "
                    + DECIMALS + " decimals, such as \"10.0\"; got \"" + abbreviate(text) + "\"");
        }
        return new Amount(new BigDecimal(text).movePointRight(DECIMALS).toBigIntegerExact());
    }

    /** "10.0", "0.5", "0.000000000000000001": at least one decimal, no trailing zeros beyond it. */
    public String toCpc() {
        BigDecimal cpc = new BigDecimal(wei).movePointLeft(DECIMALS).stripTrailingZeros();
        String plain = cpc.scale() <= 0 ? cpc.setScale(1).toPlainString() : cpc.toPlainString();
        return plain;
    }

    /** All 18 decimals, for reports: "10.000000000000000000". */
    public String toCpcFull() {
        return new BigDecimal(wei).movePointLeft(DECIMALS).setScale(DECIMALS).toPlainString();
    }

    public Amount plus(Amount other) {
        return new Amount(wei.add(other.wei));
    }

    public Amount minus(Amount other) {
        return new Amount(wei.subtract(other.wei));
    }

    public Amount negate() {
        return new Amount(wei.negate());
    }

    /** This amount times {@code basisPoints}/10000, rounded down (the remainder stays with the larger share). */
    public Amount basisPoints(int basisPoints) {
        return new Amount(wei.multiply(BigInteger.valueOf(basisPoints)).divide(BigInteger.valueOf(10_000)));
    }

    /** Splits into {@code parts} shares that add up exactly: the remainder goes to the last share. */
    public Amount[] split(int parts) {
        if (parts <= 0) {
            throw new IllegalArgumentException("parts must be positive");
        }
        BigInteger[] qr = wei.divideAndRemainder(BigInteger.valueOf(parts));
        Amount[] shares = new Amount[parts];
        for (int i = 0; i < parts; i++) {
            shares[i] = new Amount(i == parts - 1 ? qr[0].add(qr[1]) : qr[0]);
        }
        return shares;
    }

    public boolean isPositive() {
        return wei.signum() > 0;
    }

    public boolean isNegative() {
        return wei.signum() < 0;
    }

    public boolean isZero() {
        return wei.signum() == 0;
    }

    public static Amount cpc(long wholeCpc) {
        return new Amount(BigInteger.valueOf(wholeCpc).multiply(ONE_CPC));
    }

    @Override
    public int compareTo(Amount other) {
        return wei.compareTo(other.wei);
    }

    @Override
    public String toString() {
        return toCpc() + " CPC";
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
