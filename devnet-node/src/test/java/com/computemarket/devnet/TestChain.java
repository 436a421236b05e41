package com.computemarket.devnet;

import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.chain.protocol.ComputeResult;
import com.computemarket.chain.protocol.Transaction;
import com.computemarket.chain.protocol.TxType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** Keys, transactions and raw HTTP for tests that run against an in-process {@link DevnetNode}. */
public final class TestChain {

    public static final ChainKey FAUCET = ChainKey.fromHex(DevnetParams.FAUCET_PRIVATE_KEY);
    public static final ChainKey ALICE = ChainKey.fromHex("11".repeat(32));
    public static final ChainKey BOB = ChainKey.fromHex("22".repeat(32));
    public static final ChainKey WORKER = ChainKey.fromHex("33".repeat(32));
    public static final ChainKey WORKER_2 = ChainKey.fromHex("44".repeat(32));
    /** Never funded. */
    public static final ChainKey NOBODY = ChainKey.fromHex("55".repeat(32));

    public static final BigInteger CPC = BigInteger.TEN.pow(18);
    public static final BigInteger PREMINE = DevnetParams.GENESIS_PREMINE;
    public static final BigInteger GAS_PRICE = BigInteger.valueOf(1000);
    public static final String TREASURY = DevnetParams.TREASURY_ADDRESS;

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private TestChain() {
    }

    /** A node with 1000 CPC for ALICE, BOB, WORKER and WORKER_2, on an ephemeral port. */
    public static DevnetConfig config(Path dataDir, Duration blockTime) {
        DevnetConfig config = DevnetConfig.forTests(dataDir, blockTime);
        for (ChainKey k : new ChainKey[] {ALICE, BOB, WORKER, WORKER_2}) config = config.withFund(k.address(), cpc(1000));
        return config;
    }

    public static BigInteger cpc(long n) {
        return CPC.multiply(BigInteger.valueOf(n));
    }

    public static Transaction transfer(ChainKey from, String to, BigInteger amount, long nonce) {
        return Transaction.unsigned(TxType.TRANSFER, from.address(), to, amount, BigInteger.valueOf(nonce), GAS_PRICE, null)
                .signedBy(from);
    }

    public static ComputeResult result(ChainKey worker, String taskId) {
        return new ComputeResult(taskId, worker.address(), "ab".repeat(32), "deadbeef", BigInteger.valueOf(7), "")
                .signedBy(worker);
    }

    public static Transaction submitResult(ChainKey worker, ComputeResult result, long nonce) {
        return Transaction.unsigned(TxType.SUBMIT_RESULT, worker.address(), null, BigInteger.ZERO,
                BigInteger.valueOf(nonce), GAS_PRICE, result.toPayload()).signedBy(worker);
    }

    public static HttpResponse<String> get(URI base, String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
    }

    public static HttpResponse<String> post(URI base, String path, String body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            // a bounded wait: a server that never answers must fail the test, not hang the build
            return HTTP.send(HttpRequest.newBuilder(request, (name, value) -> true)
                    .timeout(java.time.Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
