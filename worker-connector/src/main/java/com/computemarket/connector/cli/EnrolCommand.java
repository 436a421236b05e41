package com.computemarket.connector.cli;

import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.connector.auth.Jwt;
import com.computemarket.connector.auth.OidcClient;
import com.computemarket.connector.auth.Sleeper;
import com.computemarket.connector.auth.TokenProvider;
import com.computemarket.connector.auth.TokenStore;
import com.computemarket.connector.enrol.Enrolment;
import com.computemarket.connector.enrol.GpuDetector;
import com.computemarket.connector.net.Http;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code enrol}: log in (or use the cached login) and bind the keystore's address to the operator's account. */
@Command(name = "enrol", mixinStandardHelpOptions = true,
        description = "Bind the keystore's address to your worker account: log in (cached login if still valid), sign the "
                + "server's nonce with the key, declare the GPUs nvidia-smi reports (none: a CPU worker).")
public final class EnrolCommand implements Callable<Integer> {

    private final Environment env;
    @Mixin
    CommonOptions common;
    @Mixin
    LoginOptions login;
    @Mixin
    ServerOptions server;
    @Option(names = "--challenge-types", split = ",", paramLabel = "TYPE", defaultValue = "synthetic",
            description = "challenge types this worker runs (default: ${DEFAULT-VALUE})")
    List<String> challengeTypes;
    @Option(names = "--no-gpus", description = "declare no GPUs even when nvidia-smi finds some")
    boolean noGpus;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public EnrolCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        server.base(); // a bad --server fails before any prompt
        ChainKey key = common.keystore(env).load();
        Http http = Http.standard();
        OidcClient oidc = login.oidc(http, Clock.systemUTC(), Sleeper.REAL);
        TokenStore store = TokenStore.besideKeystore(common.keystorePath(env));
        TokenProvider tokens = login.provider(oidc, store, Clock.systemUTC(), login.interactiveLogin(oidc, env, out));
        String bearer = tokens.accessToken();
        List<Map<String, Object>> gpus = noGpus ? List.of() : GpuDetector.detect();
        Enrolment.Enrolled enrolled = new Enrolment(http, server).enrol(key, bearer, gpus, challengeTypes);
        out.println("enrolled " + key.address() + " as worker " + enrolled.workerId() + " of " + Jwt.who(bearer)
                + " (" + (gpus.isEmpty() ? "CPU only" : gpus.size() + " GPU" + (gpus.size() == 1 ? "" : "s")) + ", "
                + String.join(",", challengeTypes) + ")");
        out.flush();
        return ExitCodes.OK;
    }
}
