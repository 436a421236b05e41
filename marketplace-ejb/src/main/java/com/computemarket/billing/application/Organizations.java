package com.computemarket.billing.application;

import com.computemarket.shared.Caller;
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

    /**
     * An organization the caller may read: a customer only its own (another is "not found", as if it did not exist),
     * finance and admins any.
     */
    public static String requireVisible(Caller caller, String organization) {
        requireAlias("organization", organization);
        boolean own = caller.has(Caller.CUSTOMER) && caller.organization().filter(organization::equals).isPresent();
        if (!own && !caller.readsEverything()) {
            throw DomainException.notFound("organization-not-found", "no organization " + organization + " that you may see");
        }
        return organization;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
