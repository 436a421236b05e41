package com.computemarket.connector.cli;

import com.computemarket.connector.auth.Jwt;
import com.computemarket.connector.auth.OidcClient;
import com.computemarket.connector.auth.Sleeper;
import com.computemarket.connector.auth.Token;
import com.computemarket.connector.auth.TokenStore;
import com.computemarket.connector.net.Http;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/** {@code login}: a fresh Keycloak login, cached beside the keystore for {@code enrol} and {@code run}. */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Log in to Keycloak (device authorization grant, or --username/--client-secret-env for automation) "
                + "and cache the tokens beside the keystore (mode 0600).")
public final class LoginCommand implements Callable<Integer> {

    private final Environment env;
    @Mixin
    CommonOptions common;
    @Mixin
    LoginOptions login;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public LoginCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TokenStore store = TokenStore.besideKeystore(common.keystorePath(env));
        OidcClient oidc = login.oidc(Http.standard(), Clock.systemUTC(), Sleeper.REAL);
        Token token = login.interactiveLogin(oidc, env, out).get();
        store.save(token);
        out.println("logged in at " + oidc.issuer() + " as " + Jwt.who(token.accessToken()) + "; login cached in " + store.file());
        out.flush();
        return ExitCodes.OK;
    }
}
