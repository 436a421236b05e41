package com.computemarket.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kinds of work of the ComputeChain docs, for the whole server: what a task asks for and what a worker says it
 * runs. The wire name is the lower-case constant ("synthetic"). The market's payload rules per type are
 * market.domain.TaskPayloads.
 */
public enum ChallengeType {
    SYNTHETIC, INFERENCE, TRAINING, RENDERING, SIMULATION;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type a task names in {@code challenge_type}; anything else is a 400 {@code unknown-challenge-type}. */
    public static ChallengeType fromWire(String text) {
        for (ChallengeType type : values()) {
            if (type.wire().equals(text)) {
                return type;
            }
        }
        throw DomainException.invalid("unknown-challenge-type", "challenge_type must be one of " + validNames()
                + "; got \"" + text + "\"");
    }

    /** A type a worker declares at enrolment; anything else is a 400 {@code invalid-challenge-type}. */
    public static ChallengeType parse(String text) {
        for (ChallengeType type : values()) {
            if (type.wire().equals(text)) {
                return type;
            }
        }
        throw DomainException.invalid("invalid-challenge-type", "unknown challenge type \"" + text
                + "\"; valid types are " + validNames());
    }

    public static String validNames() {
        return Arrays.stream(values()).map(ChallengeType::wire).collect(Collectors.joining(", "));
    }
}
