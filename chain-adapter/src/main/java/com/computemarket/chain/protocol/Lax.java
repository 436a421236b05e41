package com.computemarket.chain.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;

/**
 * pydantic v2 lax-mode coercion of {@code json.loads} values (python mode, as FastAPI validates a
 * body), for the field types the node's models use. Results carry pydantic's error type and message.
 */
final class Lax {

    /** A coerced value or a pydantic error (type, msg). */
    record Result<T>(T value, String errorType, String errorMessage) {
        static <T> Result<T> ok(T value) {
            return new Result<>(value, null, null);
        }

        static <T> Result<T> error(String type, String message) {
            return new Result<>(null, type, message);
        }

        boolean isOk() {
            return errorType == null;
        }
    }

    private static final int MAX_INT_DIGITS = 4300;
    private static final String INT_TYPE = "Input should be a valid integer";
    private static final String INT_PARSING = "Input should be a valid integer, unable to parse string as an integer";
    private static final String INT_FROM_FLOAT = "Input should be a valid integer, got a number with a fractional part";
    private static final String INT_SIZE = "Unable to parse input string as an integer, exceeded maximum size";
    private static final String FINITE = "Input should be a finite number";

    private Lax() {
    }

    /** pydantic {@code int}: ints, bools (lax), floats with no fraction inside i64, numeric strings. */
    static Result<BigInteger> toInt(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Result.error("int_type", INT_TYPE);
        }
        if (node.isBoolean()) {
            return Result.ok(node.booleanValue() ? BigInteger.ONE : BigInteger.ZERO);
        }
        if (node.isIntegralNumber()) {
            return Result.ok(node.bigIntegerValue());
        }
        if (node.isNumber()) {
            return floatToInt(node.doubleValue());
        }
        if (node.isTextual()) {
            return strToInt(node.textValue());
        }
        return Result.error("int_type", INT_TYPE);
    }

    // pydantic-core float_as_int: finite, no fraction, strictly inside the i64 range
    private static Result<BigInteger> floatToInt(double d) {
        if (!Double.isFinite(d)) {
            return Result.error("finite_number", FINITE);
        }
        if (d % 1.0 != 0.0) {
            return Result.error("int_from_float", INT_FROM_FLOAT);
        }
        if (d > -9.223372036854775808E18 && d < 9.223372036854775807E18) {
            return Result.ok(BigInteger.valueOf((long) d));
        }
        return Result.error("int_parsing_size", INT_SIZE);
    }

    // pydantic-core str_as_int: a JSON integer as is, else the cleaned form (trim, '+', leading zeros, ".000", '_')
    private static Result<BigInteger> strToInt(String s) {
        if (isJsonInt(s)) {
            return digitCount(s) > MAX_INT_DIGITS
                    ? Result.error("int_parsing_size", INT_SIZE)
                    : Result.ok(new BigInteger(s));
        }
        String cleaned = cleanIntString(s);
        if (cleaned != null && isJsonInt(cleaned) && digitCount(cleaned) <= MAX_INT_DIGITS) {
            return Result.ok(new BigInteger(cleaned));
        }
        return Result.error("int_parsing", INT_PARSING);
    }

    private static int digitCount(String s) {
        return s.startsWith("-") ? s.length() - 1 : s.length();
    }

    private static boolean isJsonInt(String s) {
        int i = s.startsWith("-") ? 1 : 0;
        if (i >= s.length()) {
            return false;
        }
        if (s.charAt(i) == '0') {
            return i + 1 == s.length();
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String cleanIntString(String original) {
        String s = rustTrim(original);
        if (s.startsWith("+")) {
            if (s.startsWith("+-")) {
                return null;
            }
            s = s.substring(1);
        }
        boolean negative = false;
        if (s.startsWith("-")) {
            if (s.startsWith("--") || s.startsWith("-+")) {
                return null;
            }
            negative = true;
            s = s.substring(1);
        }
        s = stripLeadingZeros(s);
        if (s == null) {
            return null;
        }
        int dot = s.indexOf('.');
        if (dot >= 0) {
            String fraction = s.substring(dot + 1);
            if (!fraction.isEmpty() && fraction.chars().allMatch(c -> c == '0')) {
                s = s.substring(0, dot);
            }
        }
        if (!s.startsWith("_") && !s.endsWith("_") && s.contains("_") && !s.contains("__")) {
            String stripped = s.replace("_", "");
            return negative ? "-" + stripped : stripped;
        }
        if (original.length() == s.length()) {
            return null;
        }
        return negative ? "-" + s : s;
    }

    private static String stripLeadingZeros(String s) {
        if (s.isEmpty()) {
            return null;
        }
        char first = s.charAt(0);
        if (first != '0') {
            return (first >= '1' && first <= '9') || first == '-' ? s : null;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '0' || c == '_') {
                continue;
            }
            if ((c >= '1' && c <= '9') || c == '-') {
                return s.substring(i);
            }
            if (c == '.') {
                return s.substring(i - 1);
            }
            return null;
        }
        return s.substring(s.length() - 1);
    }

    // Rust str::trim removes Unicode White_Space, which is not Java's isWhitespace set
    private static String rustTrim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isRustWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isRustWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isRustWhitespace(char c) {
        return (c >= '\t' && c <= '\r') || c == ' ' || c == '\u0085' || c == '\u00a0' || c == '\u1680'
                || (c >= '\u2000' && c <= '\u200a') || c == '\u2028' || c == '\u2029' || c == '\u202f'
                || c == '\u205f' || c == '\u3000';
    }

    /** pydantic {@code str} in python lax mode: only strings. */
    static Result<String> toStr(JsonNode node) {
        if (node != null && node.isTextual()) {
            return Result.ok(node.textValue());
        }
        return Result.error("string_type", "Input should be a valid string");
    }
}
