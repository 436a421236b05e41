package com.computemarket.catalogue.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one byte range of a {@code Range: bytes=…} request (RFC 9110 §14), so that a worker can resume a pull:
 * {@code bytes=a-b}, {@code bytes=a-} and the suffix {@code bytes=-n}; the last position is clamped to the file.
 * Anything else (another unit, several ranges, a malformed or reversed range) is ignored and the whole file sent, as the
 * RFC allows; a first position at or past the end is unsatisfiable (416).
 */
public record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,19})-(\\d{0,19})");

    /** A file of {@code size} bytes has nothing at or after {@code size}: the client gets 416 with {@code bytes *\/size}. */
    public static final class Unsatisfiable extends RuntimeException {
        private final long size;

        Unsatisfiable(long size, String header) {
            super("the range " + header + " lies outside the file's " + size + " bytes");
            this.size = size;
        }

        public long size() {
            return size;
        }
    }

    public ByteRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("not a range: " + first + "-" + last);
        }
    }

    /** The range the header asks of a file of {@code size} bytes; empty for the whole file. */
    public static Optional<ByteRange> parse(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header.strip());
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return Optional.empty();
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0 || size == 0) {
                    throw new Unsatisfiable(size, header);
                }
                return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
            if (last < first) {
                return Optional.empty();
            }
            if (first >= size) {
                throw new Unsatisfiable(size, header);
            }
            return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public long length() {
        return last - first + 1;
    }

    /** The Content-Range value of a 206: {@code bytes first-last/size}. */
    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }
}
