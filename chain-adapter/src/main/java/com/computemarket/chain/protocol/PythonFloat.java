package com.computemarket.chain.protocol;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Float formatting as the node's Python code produces it. Both forms use the shortest decimal that
 * reads back as the same double (closest to it where several qualify); they differ only in layout:
 * <ul>
 * <li>{@link #repr(double)}: CPython {@code repr}/{@code json.dumps}: {@code 1e+16}, {@code 1e-05},
 * {@code 100.0}, {@code -0.0}; scientific when the decimal exponent is &lt; -4 or &ge; 16.</li>
 * <li>{@link #pydantic(double)}: pydantic-core's JSON output (Rust ryu): {@code 1e16}, {@code 1e-7},
 * {@code 0.00001}; scientific when the exponent is &lt; -5 or &ge; 16.</li>
 * </ul>
 * Java 17's {@code Double.toString} is not always the shortest form, so the digits are derived here.
 */
public final class PythonFloat {

    /** Shortest round-trip digits (no leading/trailing zeros) and the decimal point position: value = 0.DIGITS x 10^pointPos. */
    record Decimal(boolean negative, String digits, int pointPos) {
    }

    private PythonFloat() {
    }

    /** Python's {@code repr(float)}: {@code nan}, {@code inf}, {@code -inf} for the non-finite values. */
    public static String repr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        return layout(d, -3, true);
    }

    /**
     * pydantic-core's JSON text of a finite float (serde_json/ryu layout). Non-finite values have no
     * such text: pydantic writes {@code null} for them by default, which callers decide.
     */
    public static String pydantic(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("not finite: " + d);
        }
        return layout(d, -4, false);
    }

    // fixed notation while the point position lies in [minFixedPoint, 16]; Python writes the exponent
    // signed and at least two digits long (e+16, e-07), ryu plainly (e16, e-7)
    private static String layout(double d, int minFixedPoint, boolean pythonExponent) {
        Decimal dec = shortest(d);
        StringBuilder sb = new StringBuilder(24);
        if (dec.negative) {
            sb.append('-');
        }
        String digits = dec.digits;
        int point = dec.pointPos;
        if (point >= minFixedPoint && point <= 16) {
            appendFixed(sb, digits, point);
            return sb.toString();
        }
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        int exp = point - 1;
        sb.append('e');
        if (pythonExponent) {
            sb.append(exp < 0 ? '-' : '+');
            if (Math.abs(exp) < 10) {
                sb.append('0');
            }
            sb.append(Math.abs(exp));
        } else {
            sb.append(exp);
        }
        return sb.toString();
    }

    private static void appendFixed(StringBuilder sb, String digits, int point) {
        int n = digits.length();
        if (point <= 0) {
            sb.append("0.");
            for (int i = 0; i < -point; i++) {
                sb.append('0');
            }
            sb.append(digits);
        } else if (point >= n) {
            sb.append(digits);
            for (int i = n; i < point; i++) {
                sb.append('0');
            }
            sb.append(".0");
        } else {
            sb.append(digits, 0, point).append('.').append(digits, point, n);
        }
    }

    /** The shortest decimal that round-trips to {@code d}; among equally short ones the closest (ties: even last digit). */
    static Decimal shortest(double d) {
        boolean negative = (Double.doubleToRawLongBits(d) & Long.MIN_VALUE) != 0;
        double abs = Math.abs(d);
        if (abs == 0.0) {
            return new Decimal(negative, "0", 1);
        }
        // integers below 2^53 are exact and their plain digits are the shortest form
        if (abs < 9.007199254740992E15 && abs == Math.rint(abs)) {
            return toDecimal(negative, new BigDecimal((long) abs));
        }
        BigDecimal exact = new BigDecimal(abs);
        for (int p = 1; p <= 17; p++) {
            BigDecimal down = exact.round(new MathContext(p, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(p, RoundingMode.CEILING));
            boolean downOk = down.doubleValue() == abs;
            boolean upOk = up.doubleValue() == abs;
            if (downOk && upOk && down.compareTo(up) != 0) {
                int cmp = exact.subtract(down).compareTo(up.subtract(exact));
                if (cmp < 0) {
                    return toDecimal(negative, down);
                } else if (cmp > 0) {
                    return toDecimal(negative, up);
                }
                return toDecimal(negative, down.unscaledValue().testBit(0) ? up : down);
            }
            if (downOk) {
                return toDecimal(negative, down);
            }
            if (upOk) {
                return toDecimal(negative, up);
            }
        }
        throw new IllegalStateException("no round-trip decimal for " + d);
    }

    private static Decimal toDecimal(boolean negative, BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        String digits = stripped.unscaledValue().toString();
        return new Decimal(negative, digits, digits.length() - stripped.scale());
    }
}
