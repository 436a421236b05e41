package com.computemarket.connector.cli;

import com.computemarket.connector.auth.OidcClient;
import com.computemarket.connector.net.Http;
import com.computemarket.connector.auth.Sleeper;
import com.computemarket.connector.auth.Token;
import com.computemarket.connector.auth.TokenProvider;
import com.computemarket.connector.auth.TokenStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * How to log in to Keycloak: the device authorization grant by default (a person approves in a browser), or, for
 * automation, the password grant ({@code --username} with {@code --password-env}) or client credentials
 * ({@code --client-secret-env}). Secrets come from environment variables named here, never from arguments.
 */
public final class LoginOptions {

    public static final String DEFAULT_ISSUER = "http://127.0.0.1:8180/realms/computemarket";

    @Option(names = "--issuer", paramLabel = "URL", defaultValue = "${env:CM_OIDC_URL:-" + DEFAULT_ISSUER + "}",
            description = "Keycloak realm URL (default: $CM_OIDC_URL or ${DEFAULT-VALUE})")
    String issuer;

    @Option(names = "--client-id", paramLabel = "ID", defaultValue = "marketplace-cli",
            description = "OAuth client (default: ${DEFAULT-VALUE})")
    String clientId;

    @Option(names = "--username", paramLabel = "USER", description = "password grant as USER (automation)")
    String username;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "environment variable holding the password for --username (else a prompt)")
    String passwordEnv;

    @Option(names = "--client-secret-env", paramLabel = "VAR",
            description = "client credentials grant: environment variable holding --client-id's secret (automation)")
    String clientSecretEnv;

    public OidcClient oidc(Http http, Clock clock, Sleeper sleeper) {
        return new OidcClient(http, issuer, clientId, clock, sleeper);
    }

    /** A login without a person: client credentials or password grant; null when none was configured. */
    public Supplier<Token> automatedLogin(OidcClient oidc, Environment env) {
        if (clientSecretEnv != null) {
            return () -> oidc.clientCredentials(secret(env, clientSecretEnv, "client secret"));
        }
        if (username != null) {
            return () -> {
                char[] password = passwordEnv != null ? secret(env, passwordEnv, "password")
                        : env.readSecret("Password of " + username + ": ");
                if (password == null) {
                    throw new CliException(ExitCodes.USAGE, "no password for " + username + ": give --password-env VAR or run in a terminal");
                }
                return oidc.password(username, password);
            };
        }
        return null;
    }

    /** Any login: automated when configured, else the device grant, telling the user on {@code out} what to do. */
    public Supplier<Token> interactiveLogin(OidcClient oidc, Environment env, PrintWriter out) {
        Supplier<Token> automated = automatedLogin(oidc, env);
        if (automated != null) {
            return automated;
        }
        return () -> oidc.deviceLogin(a -> {
            out.println("To log in, open " + a.verificationUri() + " and enter the code " + a.userCode());
            if (a.verificationUriComplete() != null) {
                out.println("  (or open " + a.verificationUriComplete() + ")");
            }
            out.println("Waiting for the approval (the code is valid for " + a.expiresInSeconds() + " s)...");
            out.flush();
        });
    }

    public TokenProvider provider(OidcClient oidc, TokenStore store, Clock clock, Supplier<Token> relogin) {
        return new TokenProvider(oidc, store, clock, relogin);
    }

    private static char[] secret(Environment env, String variable, String what) {
        String value = env.getenv(variable);
        if (value == null || value.isEmpty()) {
            throw new CliException(ExitCodes.USAGE, "the environment variable " + variable + " (the " + what + ") is not set");
        }
        return value.toCharArray();
    }
}
