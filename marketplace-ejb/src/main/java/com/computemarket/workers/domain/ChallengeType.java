package com.computemarket.workers.domain;

import com.computemarket.shared.DomainException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of work a worker may say it runs; the wire name is the lower-case constant. */
public enum ChallengeType {
    SYNTHETIC, INFERENCE, TRAINING, RENDERING, SIMULATION;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type named {@code text} exactly ("inference"); anything else is a 400 listing the valid names. */
    public static ChallengeType parse(String text) {
        for (ChallengeType type : values()) {
            if (type.wireName().equals(text)) {
                return type;
            }
        }
        throw DomainException.invalid("invalid-challenge-type", "unknown challenge type \"" + text
                + "\"; valid types are " + validNames());
    }

    public static String validNames() {
        return Arrays.stream(values()).map(ChallengeType::wireName).collect(Collectors.joining(", "));
    }
}
