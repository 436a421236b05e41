package com.computemarket.connector.auth;

import com.computemarket.connector.cli.CliException;
import com.computemarket.connector.cli.ExitCodes;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * A valid access token on demand: the cached one while it lives at least {@link #MARGIN_SECONDS} more, else a
 * refreshed one (saved again), else a fresh automated login when credentials were given, else one clear line.
 */
public final class TokenProvider {

    /** Refresh this long before the access token expires (Keycloak's live 300 s by default). */
    public static final long MARGIN_SECONDS = 60;

    private final OidcClient oidc;
    private final TokenStore store;
    private final Clock clock;
    private final Supplier<Token> relogin;
    private Token current;

    public TokenProvider(OidcClient oidc, TokenStore store, Clock clock, Supplier<Token> relogin) {
        this.oidc = oidc;
        this.store = store;
        this.clock = clock;
        this.relogin = relogin;
    }

    public synchronized String accessToken() {
        if (current == null) {
            current = store.load().filter(t -> oidc.issuer().equals(t.issuer())).orElse(null);
        }
        if (current != null && current.freshAt(clock.instant(), MARGIN_SECONDS)) {
            return current.accessToken();
        }
        CliException refreshFailure = null;
        if (current != null && current.refreshableAt(clock.instant())) {
            try {
                return remember(oidc.refresh(current));
            } catch (CliException e) {
                if (e.exitCode() != ExitCodes.LOGIN) {
                    throw e; // Keycloak unreachable: keep the refresh token for the next try
                }
                refreshFailure = e;
            }
        }
        if (relogin != null) {
            return remember(relogin.get());
        }
        throw new CliException(ExitCodes.LOGIN, (current == null ? "not logged in at " + oidc.issuer()
                : "the cached login has expired" + (refreshFailure == null ? "" : " (" + refreshFailure.getMessage() + ")"))
                + "; run `worker-connector login` (or give --username/--client-secret-env for automation)");
    }

    /** Forces a refresh on the next call (the server answered 401 to the current token). */
    public synchronized void invalidate() {
        if (current != null) {
            current = new Token(current.issuer(), current.clientId(), current.accessToken(), clock.instant().getEpochSecond(),
                    current.refreshToken(), current.refreshExpiresAt());
        }
    }

    private String remember(Token token) {
        current = token;
        store.save(token);
        return token.accessToken();
    }
}
