package com.computemarket.chain.bench;

import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.chain.crypto.Signatures;
import com.computemarket.chain.protocol.ComputeResult;
import com.computemarket.chain.protocol.Transaction;
import com.computemarket.chain.protocol.TxType;
import java.math.BigInteger;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.util.encoders.Hex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of the chain adapter's per-transaction crypto: a SUBMIT_RESULT tx (the marketplace's
 * typical one) hashed, hashed and signed, and verified as the node does. Run with the command in
 * docs/benchmarks.md; not part of {@code mvn test}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ChainCryptoBenchmark {

    private ChainKey key;
    private Transaction unsigned;
    private Transaction signed;
    private byte[] hash;
    private byte[] publicKey;
    private byte[] signature;

    @Setup
    public void setUp() {
        key = ChainKey.fromHex("01".repeat(32));
        ComputeResult result = new ComputeResult("task-0001", key.address(),
                "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", "deadbeef", BigInteger.valueOf(7),
                "").signedBy(key);
        unsigned = Transaction.unsigned(TxType.SUBMIT_RESULT, key.address(), null, BigInteger.ZERO, BigInteger.ONE,
                BigInteger.valueOf(1000), result.toPayload()).withPubKey(key.publicKeyHex());
        signed = unsigned.signedBy(key);
        hash = signed.hashBytes();
        publicKey = key.publicKeyCompressed();
        signature = Hex.decode(signed.signature());
    }

    /** Canonical payload JSON + prehash + SHA-256. */
    @Benchmark
    public String txHash() {
        return unsigned.hash();
    }

    /** What a client does per transaction: hash, RFC 6979 sign, new record. */
    @Benchmark
    public Transaction txHashAndSign() {
        return unsigned.signedBy(key);
    }

    /** ECDSA verification of a 32-byte digest with the node's rules. */
    @Benchmark
    public boolean verify() {
        return Signatures.verify(hash, publicKey, signature);
    }

    /** What a block checker does per transaction: rehash the tx and verify its signature. */
    @Benchmark
    public boolean txHashAndVerify() {
        return signed.signatureValid();
    }
}
