package com.computemarket.connector.cli;

import com.computemarket.challenge.synthetic.CpuBackend;
import com.computemarket.challenge.synthetic.ResultCommitment;
import com.computemarket.challenge.synthetic.SyntheticJob;
import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.chain.crypto.Hashes;
import com.computemarket.connector.run.ResultSigner;
import com.computemarket.chain.protocol.Transaction;
import com.computemarket.chain.rpc.ChainClient;
import com.computemarket.chain.rpc.ChainRpcException;
import com.computemarket.chain.rpc.ChainStatus;
import com.computemarket.chain.rpc.ComputeRootCheck;
import com.computemarket.chain.rpc.Inclusion;
import com.computemarket.chain.rpc.InclusionFinder;
import com.computemarket.chain.rpc.TxRejectedException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code stage4}: ComputeChain's Stage 4 without a marketplace. The task comes from the latest block:
 * seed = sha256(block_hash + worker_address), matrix_size 1024, one iteration of the synthetic challenge
 * (docs/protocol/synthetic-challenge.md); the result goes to the L1 as a SUBMIT_RESULT signed with this worker's key
 * (worker_address == from_address), and the command shows the block whose compute_root commits it.
 */
@Command(name = "stage4", mixinStandardHelpOptions = true,
        description = "Derive a synthetic task from the latest block, compute it, submit SUBMIT_RESULT to the L1 with this "
                + "worker's key, and show the block and compute_root that include it. The worker's account pays the fee "
                + "(80,000 gas x gas price).")
public final class Stage4Command implements Callable<Integer> {

    private final Environment env;
    @Mixin
    CommonOptions common;
    @Option(names = "--node", paramLabel = "URL", defaultValue = "http://127.0.0.1:8000",
            description = "a ComputeChain node (default: ${DEFAULT-VALUE}, the devnet of bin/run)")
    URI node;
    @Option(names = "--size", paramLabel = "N", defaultValue = "1024", description = "matrix_size (default: ${DEFAULT-VALUE})")
    int size;
    @Option(names = "--gas-price", paramLabel = "P", defaultValue = "1000", description = "gas price (default: ${DEFAULT-VALUE}, the devnet minimum)")
    long gasPrice;
    @Option(names = "--timeout", paramLabel = "S", defaultValue = "120", description = "seconds to wait for the block (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public Stage4Command(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ChainKey key = common.keystore(env).load();
        String address = key.address();
        ChainClient chain = new ChainClient(node);
        try {
            ChainStatus status = chain.status();
            String seed = HexFormat.of().formatHex(Hashes.sha256((status.lastHash() + address).getBytes(StandardCharsets.UTF_8)));
            out.printf(Locale.ROOT, "block %d %s -> seed %s (sha256(block_hash + %s))%n", status.height(), status.lastHash(), seed, address);
            out.flush();
            long start = System.nanoTime();
            ResultCommitment commitment = new CpuBackend().compute(new SyntheticJob(seed, size, 0, 1));
            out.printf(Locale.ROOT, "computed n=%d in %.3f s: result_hash %s%n", size, (System.nanoTime() - start) / 1e9,
                    commitment.resultHash());
            Transaction tx = new ResultSigner(key).submitResult("stage4-" + status.height(), commitment.resultHash(),
                    "synthetic-v1 n=" + size + " seed=" + seed, BigInteger.valueOf(status.height()),
                    chain.nonce(address, true), BigInteger.valueOf(gasPrice));
            String hash = chain.send(tx).txHash();
            out.printf(Locale.ROOT, "sent SUBMIT_RESULT %s (nonce %s)%n", hash, tx.nonce());
            out.flush();
            Inclusion inclusion = new InclusionFinder(chain, Duration.ofMillis(500))
                    .find(hash, status.height(), Duration.ofSeconds(timeoutSeconds))
                    .orElseThrow(() -> new CliException(ExitCodes.REFUSED, "SUBMIT_RESULT " + hash
                            + " was not found in any block within " + timeoutSeconds + " s"));
            var committed = ComputeRootCheck.check(inclusion);
            out.printf(Locale.ROOT, "included in block %d %s, tx %d; compute_root %s %s the result's leaf %s%n",
                    inclusion.height(), inclusion.blockHash(), inclusion.txIndex(), committed.computeRoot(),
                    committed.committed() ? "commits" : "does NOT commit", committed.leafHex());
            out.flush();
            if (!committed.committed()) {
                throw new CliException(ExitCodes.REFUSED, "block " + inclusion.height() + "'s compute_root does not commit the result");
            }
            return ExitCodes.OK;
        } catch (TxRejectedException e) {
            throw new CliException(ExitCodes.REFUSED, "the L1 node refused the SUBMIT_RESULT: " + e.reason()
                    + (e.reason().contains("balance") ? " (the worker " + address + " needs CPC for the fee)" : ""));
        } catch (ChainRpcException e) {
            throw new CliException(ExitCodes.UNREACHABLE, "the L1 node " + node + " did not answer: " + e.getMessage());
        }
    }
}
