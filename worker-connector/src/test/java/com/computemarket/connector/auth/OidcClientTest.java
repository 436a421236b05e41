package com.computemarket.connector.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.connector.cli.CliException;
import com.computemarket.connector.cli.ExitCodes;
import com.computemarket.connector.net.Http;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device authorization grant's polling against an in-process server that plays Keycloak. */
class OidcClientTest {

    HttpServer keycloak;
    final ConcurrentLinkedDeque<String[]> polls = new ConcurrentLinkedDeque<>();
    final AtomicInteger tokenCalls = new AtomicInteger();
    final List<Duration> slept = new ArrayList<>();
    MutableClock clock = new MutableClock();
    int expiresIn = 600;

    @BeforeEach
    void start() throws IOException {
        keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keycloak.createContext("/realms/r/protocol/openid-connect/auth/device", ex -> send(ex, 200,
                "{\"device_code\":\"dc\",\"user_code\":\"WXYZ-1234\",\"verification_uri\":\"http://kc/device\",\"expires_in\":"
                        + expiresIn + ",\"interval\":5}"));
        keycloak.createContext("/realms/r/protocol/openid-connect/token", ex -> {
            tokenCalls.incrementAndGet();
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (body.contains("grant_type=refresh_token")) {
                send(ex, 200, "{\"access_token\":\"refreshed\",\"expires_in\":300,\"refresh_token\":\"r2\"}");
                return;
            }
            String[] next = polls.poll();
            if (next == null) {
                send(ex, 200, "{\"access_token\":\"at\",\"expires_in\":300,\"refresh_token\":\"rt\",\"refresh_expires_in\":1800}");
            } else {
                send(ex, Integer.parseInt(next[0]), "{\"error\":\"" + next[1] + "\"}");
            }
        });
        keycloak.start();
    }

    @AfterEach
    void stop() {
        keycloak.stop(0);
    }

    private OidcClient client() {
        return new OidcClient(Http.standard(), "http://127.0.0.1:" + keycloak.getAddress().getPort() + "/realms/r", "marketplace-cli",
                clock, d -> {
                    slept.add(d);
                    clock.now = clock.now.plus(d);
                });
    }

    @Test
    void pollsAtTheIntervalWaitsOnPendingAndSlowsDownBy5Seconds() {
        polls.add(new String[] {"400", "authorization_pending"});
        polls.add(new String[] {"400", "slow_down"});
        polls.add(new String[] {"400", "authorization_pending"});
        List<String> shown = new ArrayList<>();
        Token token = client().deviceLogin(a -> shown.add(a.userCode() + " " + a.verificationUri()));
        assertEquals(List.of("WXYZ-1234 http://kc/device"), shown);
        assertEquals("at", token.accessToken());
        assertEquals("rt", token.refreshToken());
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10)), slept);
        assertEquals(4, tokenCalls.get());
    }

    @Test
    void expiredTokenEndsTheLoginWithOneClearLine() {
        polls.add(new String[] {"400", "authorization_pending"});
        polls.add(new String[] {"400", "expired_token"});
        CliException e = assertThrows(CliException.class, () -> client().deviceLogin(a -> { }));
        assertEquals(ExitCodes.LOGIN, e.exitCode());
        assertTrue(e.getMessage().contains("device code expired"), e.getMessage());
    }

    @Test
    void accessDeniedIsALoginError() {
        polls.add(new String[] {"400", "access_denied"});
        CliException e = assertThrows(CliException.class, () -> client().deviceLogin(a -> { }));
        assertEquals(ExitCodes.LOGIN, e.exitCode());
        assertTrue(e.getMessage().contains("denied"), e.getMessage());
    }

    @Test
    void theCodesOwnLifetimeEndsPollingWithoutAskingAgain() {
        expiresIn = 12;
        for (int i = 0; i < 10; i++) {
            polls.add(new String[] {"400", "authorization_pending"});
        }
        CliException e = assertThrows(CliException.class, () -> client().deviceLogin(a -> { }));
        assertTrue(e.getMessage().contains("expired"));
        assertEquals(2, tokenCalls.get()); // at 5 s and 10 s; at 15 s the code is dead
    }

    @Test
    void tokenProviderRefreshesBeforeExpiryAndSavesTheNewLogin(@TempDir Path dir) throws IOException {
        OidcClient oidc = client();
        TokenStore store = new TokenStore(dir.resolve("t.json"));
        store.save(new Token(oidc.issuer(), "marketplace-cli", "old", clock.now.plusSeconds(30), "rt", clock.now.plusSeconds(1800)));
        TokenProvider provider = new TokenProvider(oidc, store, clock, null);
        assertEquals("refreshed", provider.accessToken()); // 30 s left is inside the 60 s margin
        assertEquals("refreshed", store.load().orElseThrow().accessToken());
        assertTrue(Files.readString(dir.resolve("t.json")).contains("r2"));
        assertEquals("refreshed", provider.accessToken()); // fresh now: no second call
        assertEquals(1, tokenCalls.get());
    }

    @Test
    void tokenProviderWithoutLoginSaysWhatToRun(@TempDir Path dir) {
        TokenProvider provider = new TokenProvider(client(), new TokenStore(dir.resolve("none.json")), clock, null);
        CliException e = assertThrows(CliException.class, provider::accessToken);
        assertEquals(ExitCodes.LOGIN, e.exitCode());
        assertTrue(e.getMessage().contains("worker-connector login"), e.getMessage());
    }

    private static void send(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    static final class MutableClock extends Clock {
        volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
