package com.computemarket.verification.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.chain.protocol.ComputeResult;
import com.computemarket.chain.protocol.Transaction;
import com.computemarket.chain.protocol.TxType;
import com.computemarket.shared.DomainException;
import com.computemarket.verification.domain.Verification;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SignedResultCheckTest {

    static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");
    static final BigInteger GAS = BigInteger.valueOf(1000);
    final ChainKey worker = ChainKey.generate(new SecureRandom());
    final ChainKey other = ChainKey.generate(new SecureRandom());
    final Verification v = signing(worker.address());

    static Verification signing(String address) {
        Verification v = new Verification(UUID.randomUUID(), 1, UUID.randomUUID(), UUID.randomUUID(), address,
                "{\"seed\":\"ab\",\"matrix_size\":16,\"iterations\":1}", "aa".repeat(32), 9L, new byte[32], T0);
        v.challenge(10, "bb".repeat(32), Duration.ofSeconds(30), T0);
        v.decide(new com.computemarket.challenge.synthetic.Verdict(true, "ok", 16, 256), 1, T0);
        v.askSignature(BigInteger.valueOf(3), T0);
        return v;
    }

    String signed(ChainKey signer, String from, String taskId, String resultHash, String proof, BigInteger nonce,
                  BigInteger resultNonce) {
        ComputeResult result = new ComputeResult(taskId, from, resultHash, proof, resultNonce, "").signedBy(signer);
        return Transaction.unsigned(TxType.SUBMIT_RESULT, from, null, BigInteger.ZERO, nonce, GAS, result.toPayload())
                .signedBy(signer).toJson();
    }

    String honest() {
        return signed(worker, worker.address(), v.jobId().toString(), v.resultHash(), Proofs.of(v), BigInteger.valueOf(3),
                BigInteger.TEN);
    }

    @Test
    void whatWasAskedForPasses() {
        SignedResultCheck check = SignedResultCheck.of(honest());
        check.against(v, Proofs.of(v), GAS);
        assertEquals(64, check.txHash().length());
    }

    @Test
    void everyDeviationIsRefusedWithWhatIsWrong() {
        String a = worker.address();
        String job = v.jobId().toString();
        String proof = Proofs.of(v);
        assertRefused(signed(worker, a, job, v.resultHash(), proof, BigInteger.valueOf(4), BigInteger.TEN), "nonce must be 3");
        assertRefused(signed(worker, a, job, "cc".repeat(32), proof, BigInteger.valueOf(3), BigInteger.TEN), "result_hash");
        assertRefused(signed(worker, a, UUID.randomUUID().toString(), v.resultHash(), proof, BigInteger.valueOf(3), BigInteger.TEN), "task_id");
        assertRefused(signed(worker, a, job, v.resultHash(), "anything", BigInteger.valueOf(3), BigInteger.TEN), "proof");
        assertRefused(signed(worker, a, job, v.resultHash(), proof, BigInteger.valueOf(3), BigInteger.ONE), "result nonce");
        assertRefused(signed(other, other.address(), job, v.resultHash(), proof, BigInteger.valueOf(3), BigInteger.TEN), "from_address");
        DomainException garbage = assertThrows(DomainException.class, () -> SignedResultCheck.of("{\"tx_type\":"));
        assertEquals("malformed-transaction", garbage.type());
    }

    @Test
    void aTransferIsNotAResult() {
        String transfer = Transaction.unsigned(TxType.TRANSFER, worker.address(), other.address(), BigInteger.ONE,
                BigInteger.valueOf(3), GAS, null).signedBy(worker).toJson();
        assertRefused(transfer, "SUBMIT_RESULT");
    }

    private void assertRefused(String json, String mentions) {
        DomainException e = assertThrows(DomainException.class, () -> SignedResultCheck.of(json).against(v, Proofs.of(v), GAS));
        assertEquals("wrong-signed-result", e.type());
        assertTrue(e.detail().contains(mentions), e.detail());
    }
}
