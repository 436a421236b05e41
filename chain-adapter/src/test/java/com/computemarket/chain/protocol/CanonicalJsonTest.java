package com.computemarket.chain.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalJsonTest {

    /** canonical-json.txt: 400 random nested documents and CPython's canonical text (generate_fixtures.py). */
    @Test
    void matchesCPythonOnRandomDocuments() throws IOException {
        List<String> lines;
        try (InputStream in = getClass().getResourceAsStream("canonical-json.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(l -> !l.startsWith("#")).toList();
        }
        assertTrue(lines.size() >= 400);
        for (String line : lines) {
            int tab = line.indexOf('\t');
            assertEquals(line.substring(tab + 1), CanonicalJson.canonicalise(line.substring(0, tab)), line);
        }
    }

    @Test
    void sortsByCodePointNotUtf16Unit() {
        assertEquals("{\"z\":3,\"\\u00e9\":4,\"\\uff5a\":2,\"\\ud83d\\ude00\":1}",
                CanonicalJson.canonicalise("{\"\uD83D\uDE00\":1,\"\uFF5A\":2,\"z\":3,\"\u00e9\":4}"));
        assertTrue("\uD83D\uDE00".compareTo("\uFF5A") < 0, "String.compareTo would put the emoji first");
    }

    @Test
    void duplicateKeyKeepsLastValueAtFirstPosition() {
        JsonNode node = ChainJson.parse("{\"b\":1,\"a\":2,\"b\":3}");
        assertEquals("{\"a\":2,\"b\":3}", CanonicalJson.write(node));
        assertEquals("{\"b\":3,\"a\":2}", JsonText.PYDANTIC.write(node));
    }

    @Test
    void keepsIntegerFloatDistinctionAndSize() {
        assertEquals("[1,1.0,100.0,123456789012345678901234567890,-0.0,0,Infinity,-Infinity,NaN]",
                CanonicalJson.canonicalise("[1,1.0,1E2,123456789012345678901234567890,-0.0,-0,1e400,-Infinity,NaN]"));
    }

    @Test
    void escapesLikeEnsureAscii() {
        assertEquals("\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f\\u007f\\u0080\\u2028\\ud83d\\ude00 ~\"",
                CanonicalJson.canonicalise("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f\u007f\u0080\u2028\uD83D\uDE00 ~\""));
        // a lone surrogate survives as Python keeps it
        assertEquals("\"\\ud83d\"", CanonicalJson.canonicalise("\"\\ud83d\""));
    }

    @Test
    void nodesBuiltInJavaAreWrittenAsPythonWould() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("i", 7);
        node.put("l", 7L);
        node.put("big", new BigInteger("100000000000000000000"));
        node.put("d", 0.5);
        node.put("dec", new BigDecimal("1E+2"));
        node.putArray("arr").add(true).addNull();
        assertEquals("{\"arr\":[true,null],\"big\":100000000000000000000,\"d\":0.5,\"dec\":100.0,\"i\":7,\"l\":7}",
                CanonicalJson.write(node));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "{\"a\":1,}", "[1 2]", "{} x", "+1", "[+1]", "-INF", "+INF", "+Infinity",
        "{\"a\":-INF}", "nan", "infinity", "01", "1.", "'a'", "\"\\x41\"", "\"a\u0001b\"", "[NaN,-NaN]"})
    void rejectsWhatJsonLoadsRejects(String text) {
        ChainFormatException e = assertThrows(ChainFormatException.class, () -> ChainJson.parse(text));
        assertTrue(e.getMessage().startsWith("malformed JSON"), e.getMessage());
    }

    @Test
    void plusInsideExponentsAndStringsIsFine() {
        assertEquals("[100.0,\"+INF\",\"-INF\"]", CanonicalJson.canonicalise("[1e+2, \"+INF\", \"-INF\"]"));
    }
}
