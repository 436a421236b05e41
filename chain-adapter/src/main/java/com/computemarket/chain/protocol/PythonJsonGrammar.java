package com.computemarket.chain.protocol;

/**
 * The few spellings Jackson's non-numeric-number mode accepts and Python's {@code json.loads}
 * rejects ({@code +1}, {@code +Infinity}, {@code -INF}, {@code +INF}): found by a scan outside string literals.
 */
final class PythonJsonGrammar {

    private PythonJsonGrammar() {
    }

    /** A description of the first such token, or null when there is none. */
    static String firstNonPythonToken(String json) {
        boolean inString = false;
        char prev = 0; // last non-whitespace character outside strings
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                    prev = '"';
                }
                continue;
            }
            switch (c) {
                case '"' -> inString = true;
                case ' ', '\t', '\n', '\r' -> {
                    continue;
                }
                case '+' -> {
                    if (prev == 0 || prev == ':' || prev == ',' || prev == '[') {
                        return "'+' before a value at offset " + i;
                    }
                }
                case '-' -> {
                    if (i + 1 < json.length() && json.charAt(i + 1) == 'I' && !json.startsWith("Infinity", i + 1)) {
                        return "unexpected token at offset " + i + " (only NaN, Infinity and -Infinity are allowed)";
                    }
                }
                default -> {
                }
            }
            prev = c;
        }
        return null;
    }
}
