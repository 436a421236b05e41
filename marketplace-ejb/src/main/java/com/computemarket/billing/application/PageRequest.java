package com.computemarket.billing.application;

import com.computemarket.shared.DomainException;
import java.util.List;

/** limit and offset of a listing, checked: limit 1..500 (default 50), offset from 0. */
public record PageRequest(int limit, int offset) {

    public static final int MAX_LIMIT = 500;

    public static PageRequest of(Integer limit, Integer offset) {
        int l = limit == null ? 50 : limit;
        int o = offset == null ? 0 : offset;
        if (l < 1 || l > MAX_LIMIT) {
            throw DomainException.invalid("invalid-page", "limit must be between 1 and " + MAX_LIMIT + ", got " + l);
        }
        if (o < 0) {
            throw DomainException.invalid("invalid-page", "offset must not be negative, got " + o);
        }
        return new PageRequest(l, o);
    }

    /** From query parameters as sent (absent: the defaults); text that is not a whole number is a 400. */
    public static PageRequest parse(String limit, String offset) {
        return of(number("limit", limit), number("offset", offset));
    }

    private static Integer number(String name, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw DomainException.invalid("invalid-page", name + " must be a whole number, got \"" + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "\"");
        }
    }

    /** One page of items and the total there is. */
    public record Page<T>(List<T> items, long total, int limit, int offset) {
    }
}
