package com.computemarket.catalogue.domain;

import com.computemarket.shared.DomainException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** A SHA-256 digest as 64 lower-case hex characters: the name of a stored file. */
public record Sha256(String hex) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public Sha256 {
        if (hex == null || !HEX.matcher(hex).matches()) {
            throw DomainException.invalid("invalid-sha256", "a SHA-256 is 64 hex characters; got \""
                    + (hex == null ? "" : hex.length() > 70 ? hex.substring(0, 70) + "…" : hex) + "\"");
        }
    }

    /** Accepts upper-case hex too. */
    public static Sha256 parse(String text) {
        return new Sha256(text == null ? null : text.toLowerCase(Locale.ROOT));
    }

    public static Sha256 of(byte[] digest) {
        return new Sha256(HexFormat.of().formatHex(digest));
    }

    @Override
    public String toString() {
        return hex;
    }
}
