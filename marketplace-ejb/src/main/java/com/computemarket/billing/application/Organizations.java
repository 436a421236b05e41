package com.computemarket.billing.application;

import com.computemarket.shared.DomainException;
import java.util.regex.Pattern;

/** Organization aliases as Keycloak allows them, checked before they name accounts or addresses. */
public final class Organizations {

    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Organizations() {
    }

    public static String requireAlias(String field, String alias) {
        if (alias == null || !ALIAS.matcher(alias).matches()) {
            throw DomainException.invalid("invalid-organization", field + " must be an organization alias (1 to 64 letters, "
                    + "digits, '.', '_' or '-'), got " + (alias == null ? "nothing" : "\"" + abbreviate(alias) + "\""));
        }
        return alias;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
