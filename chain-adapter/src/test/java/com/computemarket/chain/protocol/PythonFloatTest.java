package com.computemarket.chain.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonFloatTest {

    /** python-float-repr.txt: 5,600 doubles with CPython's repr (see generate_fixtures.py next to it). */
    static List<String[]> fixture() throws IOException {
        try (InputStream in = PythonFloatTest.class.getResourceAsStream("python-float-repr.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(l -> !l.startsWith("#")).map(l -> l.split(" ")).toList();
        }
    }

    @Test
    void reprMatchesCPythonForEveryFixtureValue() throws IOException {
        List<String[]> rows = fixture();
        assertTrue(rows.size() > 5000);
        for (String[] row : rows) {
            double d = Double.longBitsToDouble(Long.parseUnsignedLong(row[0], 16));
            assertEquals(row[1], PythonFloat.repr(d), row[0]);
        }
    }

    @Test
    void pydanticFormHasTheSameDigitsAndReadsBack() throws IOException {
        for (String[] row : fixture()) {
            double d = Double.longBitsToDouble(Long.parseUnsignedLong(row[0], 16));
            String text = PythonFloat.pydantic(d);
            assertEquals(d, Double.parseDouble(text), row[0]);
            assertEquals(digits(row[1]), digits(text), row[0]);
        }
    }

    private static String digits(String text) {
        String mantissa = text.replaceFirst("[eE].*", "").replace("-", "").replace(".", "");
        String stripped = mantissa.replaceFirst("^0+", "").replaceFirst("0+$", "");
        return stripped.isEmpty() ? "0" : stripped;
    }

    @ParameterizedTest
    @CsvSource({
        "1.0, 1.0", "100.0, 100.0", "1e16, 1e+16", "1e15, 1000000000000000.0", "1e-7, 1e-07", "1e-4, 0.0001",
        "1e-5, 1e-05", "-0.0, -0.0", "0.0, 0.0", "2.5e-300, 2.5e-300", "1.5e300, 1.5e+300", "0.1, 0.1",
        "12345678901234567.0, 1.2345678901234568e+16", "0.30000000000000004, 0.30000000000000004",
        "1.7976931348623157e308, 1.7976931348623157e+308", "4.9e-324, 5e-324", "123.456, 123.456",
        "9007199254740993, 9007199254740992.0", "-1.5, -1.5"
    })
    void repr(String input, String expected) {
        assertEquals(expected, PythonFloat.repr(Double.parseDouble(input)));
    }

    /** pydantic 2.10 (pydantic-core 2.27, serde_json/ryu): the transactions vector shows 1e16 and 1e-7. */
    @ParameterizedTest
    @CsvSource({
        "1.0, 1.0", "100.0, 100.0", "1e16, 1e16", "1e15, 1000000000000000.0", "1e-7, 1e-7", "1e-4, 0.0001",
        "1e-5, 0.00001", "1e-6, 1e-6", "-0.0, -0.0", "2.5e-300, 2.5e-300", "1.5e300, 1.5e300", "0.1, 0.1",
        "12345678901234567.0, 1.2345678901234568e16", "4.9e-324, 5e-324", "-123.456, -123.456"
    })
    void pydantic(String input, String expected) {
        assertEquals(expected, PythonFloat.pydantic(Double.parseDouble(input)));
    }

    @Test
    void nonFiniteValues() {
        assertEquals("nan", PythonFloat.repr(Double.NaN));
        assertEquals("inf", PythonFloat.repr(Double.POSITIVE_INFINITY));
        assertEquals("-inf", PythonFloat.repr(Double.NEGATIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> PythonFloat.pydantic(Double.NaN));
    }

    @Test
    void shortestEvenWhereJava17ToStringIsNot() {
        // JDK 17 prints these as 2.82879384806159008E17, 9.999999999999999E22 and 4.9E-324
        assertEquals("2.82879384806159e+17", PythonFloat.repr(2.82879384806159E17));
        assertEquals("1e+23", PythonFloat.repr(1e23));
        assertEquals("5e-324", PythonFloat.repr(Double.MIN_VALUE));
    }
}
