package com.computemarket.chain.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a JSON tree the way one of the node's three serialisers would. All are compact (no spaces).
 * Integers are written exactly; floating-point nodes go through {@link PythonFloat}.
 */
enum JsonText {

    /** {@code json.dumps(x, sort_keys=True, separators=(",",":"), ensure_ascii=True)}: the tx-hash payload form. */
    CANONICAL(true, true, false),
    /** pydantic v2 {@code model_dump_json}: insertion order, raw UTF-8, ryu floats, NaN/Infinity as null. */
    PYDANTIC(false, false, true),
    /** FastAPI's {@code JSONResponse} ({@code json.dumps(ensure_ascii=False)}): insertion order, raw UTF-8, Python floats. */
    FASTAPI(false, false, false);

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final boolean sortKeys;
    private final boolean ensureAscii;
    private final boolean pydanticFloats;

    JsonText(boolean sortKeys, boolean ensureAscii, boolean pydanticFloats) {
        this.sortKeys = sortKeys;
        this.ensureAscii = ensureAscii;
        this.pydanticFloats = pydanticFloats;
    }

    String write(JsonNode node) {
        StringBuilder sb = new StringBuilder(64);
        write(node, sb);
        return sb.toString();
    }

    void write(JsonNode node, StringBuilder sb) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, sb);
            case ARRAY -> {
                sb.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    write(node.get(i), sb);
                }
                sb.append(']');
            }
            case STRING -> writeString(node.textValue(), sb);
            case BOOLEAN -> sb.append(node.booleanValue() ? "true" : "false");
            case NULL -> sb.append("null");
            case NUMBER -> writeNumber(node, sb);
            default -> throw new ChainFormatException("not a JSON value: " + node.getNodeType());
        }
    }

    private void writeObject(JsonNode node, StringBuilder sb) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            entries.add(it.next());
        }
        if (sortKeys) {
            entries.sort((a, b) -> compareCodePoints(a.getKey(), b.getKey()));
        }
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> e : entries) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            writeString(e.getKey(), sb);
            sb.append(':');
            write(e.getValue(), sb);
        }
        sb.append('}');
    }

    private void writeNumber(JsonNode node, StringBuilder sb) {
        if (node.isIntegralNumber()) {
            BigInteger v = node.bigIntegerValue();
            sb.append(v.toString());
            return;
        }
        // a float in Python terms: float, double or BigDecimal nodes all become the nearest double, as float(text) does
        double d = node.doubleValue();
        if (Double.isNaN(d)) {
            sb.append(pydanticFloats ? "null" : "NaN");
        } else if (Double.isInfinite(d)) {
            sb.append(pydanticFloats ? "null" : d > 0 ? "Infinity" : "-Infinity");
        } else {
            sb.append(pydanticFloats ? PythonFloat.pydantic(d) : PythonFloat.repr(d));
        }
    }

    void writeString(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || (ensureAscii && c > 0x7e)) {
                        // UTF-16 units, so astral characters come out as a surrogate pair, as Python writes them
                        sb.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 15])
                                .append(HEX[(c >> 4) & 15]).append(HEX[c & 15]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Python's str order: by code point, not by UTF-16 unit as String.compareTo does. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
