package com.computemarket.connector.cli;

import com.computemarket.connector.auth.OidcClient;
import com.computemarket.connector.auth.Sleeper;
import com.computemarket.connector.auth.TokenProvider;
import com.computemarket.connector.auth.TokenStore;
import com.computemarket.connector.models.ModelCache;
import com.computemarket.connector.models.ModelPull;
import com.computemarket.connector.net.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code models list|pull|verify}: the catalogue's models and the local model cache. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "The catalogue's models and the local model cache inference jobs run from.",
        subcommands = {ModelsCommand.ListCommand.class, ModelsCommand.PullCommand.class, ModelsCommand.VerifyCommand.class})
public final class ModelsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: list, pull or verify");
    }

    /** What list and pull share: keystore (for the cached login), login, server, cache. */
    abstract static class Online {
        final Environment env;
        @Mixin
        CommonOptions common;
        @Mixin
        LoginOptions login;
        @Mixin
        ServerOptions server;
        @Mixin
        ModelOptions models;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        Online(Environment env) {
            this.env = env;
        }

        ModelPull pull(ModelCache cache) {
            server.base();
            Http http = Http.standard();
            Clock clock = Clock.systemUTC();
            OidcClient oidc = login.oidc(http, clock, Sleeper.REAL);
            TokenProvider tokens = login.provider(oidc, TokenStore.besideKeystore(common.keystorePath(env)), clock,
                    login.automatedLogin(oidc, env));
            return new ModelPull(http.client(), server.base(), tokens::accessToken, cache);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The marketplace's models (GET /api/models), those in the local cache marked `cached`.")
    static final class ListCommand extends Online implements Callable<Integer> {
        ListCommand(Environment env) {
            super(env);
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ModelCache cache = models.cache(env);
            JsonNode catalogue = pull(cache).catalogue();
            List<String> cached = cache.models().stream().map(ModelCache.CachedModel::id).toList();
            int n = 0;
            for (JsonNode m : catalogue.path("models")) {
                String id = m.path("id").asText();
                long bytes = 0;
                for (JsonNode f : m.path("files")) {
                    bytes += f.path("size").asLong(0);
                }
                out.printf("%-28s %-16s %-8s %8.1f MB  %s%n", id, m.path("kind").asText(), m.path("status").asText(""),
                        bytes / 1e6, cached.contains(id) ? "cached" : "-");
                n++;
            }
            if (n == 0) {
                out.println("the marketplace offers no models");
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "pull", mixinStandardHelpOptions = true,
            description = "Download a model's files into the cache (resumed where a download stopped), check their "
                    + "SHA-256 and record the model.")
    static final class PullCommand extends Online implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "MODEL_ID", description = "the catalogue id of the model")
        String id;

        PullCommand(Environment env) {
            super(env);
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ModelCache cache = models.cache(env);
            pull(cache).pull(id, line -> {
                out.println(line);
                out.flush();
            });
            out.println("model " + id + " cached in " + cache.dir());
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Re-hash the cached files of one model (or of every cached model); exit 8 when one is bad.")
    static final class VerifyCommand implements Callable<Integer> {
        private final Environment env;
        @Mixin
        ModelOptions models;
        @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL_ID", description = "the model (default: all cached)")
        String id;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        VerifyCommand(Environment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ModelCache cache = models.cache(env);
            List<ModelCache.CachedModel> toCheck = new ArrayList<>();
            if (id != null) {
                if (!Files.isRegularFile(cache.descriptor(id))) {
                    throw new CliException(ExitCodes.USAGE, "model " + id + " is not in the cache " + cache.dir());
                }
                var m = cache.model(id);
                if (m.isEmpty()) {
                    throw new CliException(ExitCodes.CHECK_FAILED, "model " + id + " is incomplete in " + cache.dir()
                            + ": a file is missing or of the wrong size; `models pull " + id + "` again");
                }
                toCheck.add(m.get());
            } else {
                toCheck.addAll(cache.models());
                if (toCheck.isEmpty()) {
                    out.println("no model in the cache " + cache.dir());
                    out.flush();
                    return ExitCodes.OK;
                }
            }
            int bad = 0;
            for (ModelCache.CachedModel m : toCheck) {
                for (JsonNode f : m.json().path("files")) {
                    String sha = f.path("sha256").asText();
                    boolean good = ModelPull.good(cache, sha);
                    out.println(m.id() + " " + f.path("role").asText() + " " + sha + " " + (good ? "good" : "BAD"));
                    if (!good) {
                        bad++;
                    }
                }
            }
            out.flush();
            if (bad > 0) {
                throw new CliException(ExitCodes.CHECK_FAILED, bad + " cached file" + (bad == 1 ? " is" : "s are")
                        + " not what " + (bad == 1 ? "its" : "their") + " SHA-256 says; `models pull` again");
            }
            return ExitCodes.OK;
        }
    }
}
