package com.computemarket.market.domain;

import com.computemarket.shared.DomainException;
import java.util.Locale;

/** The Task Market API's statuses (lower case on the wire), plus CANCELLED. */
public enum TaskStatus {
    PENDING, IN_PROGRESS, COMPLETED, FAILED, CANCELLED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isOpen() {
        return this == PENDING || this == IN_PROGRESS;
    }

    public static TaskStatus fromWire(String text) {
        for (TaskStatus status : values()) {
            if (status.wire().equals(text)) {
                return status;
            }
        }
        throw DomainException.invalid("invalid-status",
                "status must be one of pending, in_progress, completed, failed, cancelled; got \"" + text + "\"");
    }
}
