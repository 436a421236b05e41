package com.computemarket.catalogue.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ByteRangeTest {

    static final long SIZE = 1000;

    @Test
    void noHeaderMeansTheWholeFile() {
        assertEquals(Optional.empty(), ByteRange.parse(null, SIZE));
    }

    @Test
    void aClosedRangeAnOpenOneAndASuffix() {
        assertEquals(Optional.of(new ByteRange(0, 99)), ByteRange.parse("bytes=0-99", SIZE));
        assertEquals(Optional.of(new ByteRange(500, 999)), ByteRange.parse("bytes=500-", SIZE));
        assertEquals(Optional.of(new ByteRange(900, 999)), ByteRange.parse("bytes=-100", SIZE));
        assertEquals(Optional.of(new ByteRange(999, 999)), ByteRange.parse(" bytes=999-999 ", SIZE));
        assertEquals(100, new ByteRange(0, 99).length());
        assertEquals("bytes 500-999/1000", new ByteRange(500, 999).contentRange(SIZE));
    }

    @Test
    void theEndIsClampedToTheFile() {
        assertEquals(Optional.of(new ByteRange(10, 999)), ByteRange.parse("bytes=10-5000", SIZE));
        assertEquals(Optional.of(new ByteRange(0, 999)), ByteRange.parse("bytes=-5000", SIZE));
    }

    @Test
    void aStartAtOrPastTheEndIsUnsatisfiable() {
        assertEquals(SIZE, assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.parse("bytes=1000-", SIZE)).size());
        assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.parse("bytes=2000-3000", SIZE));
        assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.parse("bytes=-0", SIZE));
        assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.parse("bytes=0-", 0));
    }

    @Test
    void whatThisServerDoesNotServeIsIgnoredAndTheWholeFileSent() {
        for (String header : new String[] {"bytes=0-1,5-6", "items=0-1", "bytes=5-1", "bytes=-", "bytes=a-b", "bytes=99999999999999999999-",
                "bytes 0-1", ""}) {
            assertEquals(Optional.empty(), ByteRange.parse(header, SIZE), header);
        }
    }
}
