package com.computemarket.workers.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.chain.crypto.Hashes;
import com.computemarket.shared.Caller;
import com.computemarket.shared.DomainException;
import com.computemarket.workers.domain.EnrolmentMessage;
import com.computemarket.workers.domain.Gpu;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class WorkerEnrolmentTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();
    private static final List<Gpu> RTX = List.of(new Gpu("NVIDIA RTX 4090", 24564, "8.9", "550.54.14"));

    private final Fakes.Context ctx = new Fakes.Context();
    private final Caller operator = Fakes.caller("sub-worker", Caller.WORKER);
    private final ChainKey key = ChainKey.generate(RANDOM);

    @Test
    void aSignatureByTheAddressKeyEnrolsTheWorker() {
        WorkerDetails worker = ctx.enrolment.enrol(operator, signed(key, key.publicKeyHex(), challenge(operator)));

        assertEquals(key.address(), worker.address());
        assertEquals("sub-worker", worker.operatorSubject());
        assertEquals("sub-worker-name", worker.operatorUsername());
        assertEquals("ACTIVE", worker.status());
        assertEquals(500, worker.reputation());
        assertEquals(RTX, worker.gpus());
        assertEquals(List.of("synthetic", "inference"), worker.challengeTypes());
        assertEquals(ctx.clock.now, worker.enrolledAt());
        assertEquals(key.publicKeyHex(), worker.publicKey());
    }

    @Test
    void theUncompressedPublicKeyWorksToo() {
        String uncompressed = HEX.formatHex(key.publicKeyUncompressed());

        WorkerDetails worker = ctx.enrolment.enrol(operator, signed(key, uncompressed, challenge(operator)));

        assertEquals(key.address(), worker.address());
        assertEquals(key.publicKeyHex(), worker.publicKey(), "stored compressed");
    }

    @Test
    void theMessageIsTheDocumentedText() {
        ChallengeIssued issued = ctx.enrolment.issueChallenge(operator, key.address());

        assertEquals("ComputeMarket worker enrolment\noperator: sub-worker\naddress: " + key.address()
                + "\nnonce: " + issued.nonce(), issued.message());
        assertEquals(64, issued.nonce().length());
        assertEquals(ctx.clock.now.plus(Duration.ofMinutes(5)), issued.expiresAt());
        assertTrue(ctx.enrolment.issueChallenge(operator, null).message().contains("address: <address>\n"));
    }

    @Test
    void eachChallengeHasAFreshNonce() {
        assertFalse(ctx.enrolment.issueChallenge(operator, null).nonce()
                .equals(ctx.enrolment.issueChallenge(operator, null).nonce()));
    }

    @Test
    void aPublicKeyOfAnotherAddressIsRefused() {
        ChainKey other = ChainKey.generate(RANDOM);
        String nonce = challenge(operator);
        // signed by the other key, over the message for our address, presenting the other key
        EnrolWorker request = new EnrolWorker(key.address(), other.publicKeyHex(),
                HEX.formatHex(other.sign(digest(key.address(), nonce))), nonce, RTX, List.of("synthetic"));

        assertRefused(422, "public-key-mismatch", () -> ctx.enrolment.enrol(operator, request));
        assertTrue(ctx.all().isEmpty());
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() {
        ChainKey other = ChainKey.generate(RANDOM);
        String nonce = challenge(operator);
        EnrolWorker request = new EnrolWorker(key.address(), key.publicKeyHex(),
                HEX.formatHex(other.sign(digest(key.address(), nonce))), nonce, RTX, List.of("synthetic"));

        assertRefused(422, "signature-invalid", () -> ctx.enrolment.enrol(operator, request));
        assertTrue(ctx.all().isEmpty());
    }

    @Test
    void aSignatureOverAnotherNonceIsRefused() {
        String signedNonce = challenge(operator);
        String sentNonce = challenge(operator);
        EnrolWorker request = new EnrolWorker(key.address(), key.publicKeyHex(),
                HEX.formatHex(key.sign(digest(key.address(), signedNonce))), sentNonce, RTX, List.of("synthetic"));

        assertRefused(422, "signature-invalid", () -> ctx.enrolment.enrol(operator, request));
    }

    @Test
    void aSignatureForAnotherOperatorIsRefused() {
        String nonce = challenge(operator);
        byte[] forSomeoneElse = Hashes.sha256(EnrolmentMessage.bytes("sub-other", key.address(), nonce));
        EnrolWorker request = new EnrolWorker(key.address(), key.publicKeyHex(), HEX.formatHex(key.sign(forSomeoneElse)),
                nonce, RTX, List.of("synthetic"));

        assertRefused(422, "signature-invalid", () -> ctx.enrolment.enrol(operator, request));
    }

    @Test
    void aNonceIssuedToAnotherOperatorIsUnknown() {
        Caller other = Fakes.caller("sub-other", Caller.WORKER);
        String theirs = challenge(other);

        assertRefused(422, "challenge-unknown", () -> ctx.enrolment.enrol(operator, signed(key, key.publicKeyHex(), theirs)));
    }

    @Test
    void aNonceNeverIssuedIsUnknown() {
        String invented = HEX.formatHex(new byte[32]);

        assertRefused(422, "challenge-unknown", () -> ctx.enrolment.enrol(operator, signed(key, key.publicKeyHex(), invented)));
    }

    @Test
    void anExpiredNonceIsRefused() {
        String nonce = challenge(operator);
        ctx.clock.advance(Duration.ofMinutes(5));

        assertRefused(422, "challenge-expired", () -> ctx.enrolment.enrol(operator, signed(key, key.publicKeyHex(), nonce)));
        assertTrue(ctx.all().isEmpty());
    }

    @Test
    void aNonceJustBeforeExpiryIsAccepted() {
        String nonce = challenge(operator);
        ctx.clock.advance(Duration.ofMinutes(5).minusMillis(1));

        ctx.enrolment.enrol(operator, signed(key, key.publicKeyHex(), nonce));
        assertEquals(1, ctx.all().size());
    }

    @Test
    void aNonceIsUsedOnce() {
        String nonce = challenge(operator);
        ctx.enrolment.enrol(operator, signed(key, key.publicKeyHex(), nonce));
        ChainKey second = ChainKey.generate(RANDOM);

        assertRefused(409, "challenge-used", () -> ctx.enrolment.enrol(operator, signed(second, second.publicKeyHex(), nonce)));
        assertEquals(1, ctx.all().size());
    }

    @Test
    void anEnrolledAddressIsTaken() {
        ctx.enrolment.enrol(operator, signed(key, key.publicKeyHex(), challenge(operator)));

        assertRefused(409, "address-taken",
                () -> ctx.enrolment.enrol(operator, signed(key, key.publicKeyHex(), challenge(operator))));
        Caller other = Fakes.caller("sub-other", Caller.WORKER);
        assertRefused(409, "address-taken", () -> ctx.enrolment.issueChallenge(other, key.address()));
        assertEquals(1, ctx.all().size());
    }

    @Test
    void malformedFieldsAre400sNamingTheField() {
        String nonce = challenge(operator);
        EnrolWorker good = signed(key, key.publicKeyHex(), nonce);

        assertRefused(400, "invalid-address", () -> ctx.enrolment.enrol(operator, with(good, "cpc1notanaddress", good.publicKey(), good.signature(), nonce)));
        assertRefused(400, "invalid-address", () -> ctx.enrolment.enrol(operator, with(good, key.address().toUpperCase(), good.publicKey(), good.signature(), nonce)));
        assertRefused(400, "invalid-address", () -> ctx.enrolment.enrol(operator, with(good, key.address("cpcvalcons"), good.publicKey(), good.signature(), nonce)));
        assertRefused(400, "invalid-public-key", () -> ctx.enrolment.enrol(operator, with(good, key.address(), "zz", good.signature(), nonce)));
        assertRefused(400, "invalid-public-key", () -> ctx.enrolment.enrol(operator, with(good, key.address(), good.publicKey().substring(2), good.signature(), nonce)));
        assertRefused(400, "invalid-signature", () -> ctx.enrolment.enrol(operator, with(good, key.address(), good.publicKey(), good.signature().substring(2), nonce)));
        assertRefused(400, "invalid-signature", () -> ctx.enrolment.enrol(operator, with(good, key.address(), good.publicKey(), "xyz", nonce)));
        assertRefused(400, "invalid-nonce", () -> ctx.enrolment.enrol(operator, with(good, key.address(), good.publicKey(), good.signature(), "abc")));
        assertRefused(400, "invalid-challenge-type", () -> ctx.enrolment.enrol(operator,
                new EnrolWorker(key.address(), good.publicKey(), good.signature(), nonce, RTX, List.of("mining"))));
        assertRefused(400, "invalid-challenge-type", () -> ctx.enrolment.enrol(operator,
                new EnrolWorker(key.address(), good.publicKey(), good.signature(), nonce, RTX, List.of())));
        assertTrue(ctx.all().isEmpty());
        // and the nonce is still good for a correct request
        ctx.enrolment.enrol(operator, good);
        assertEquals(1, ctx.all().size());
    }

    @Test
    void theSignatureMayComeWith0xPrefixAndUpperCaseHex() {
        String nonce = challenge(operator);
        EnrolWorker good = signed(key, key.publicKeyHex(), nonce);

        ctx.enrolment.enrol(operator, with(good, key.address(), "0x" + good.publicKey(), good.signature().toUpperCase(), nonce.toUpperCase()));
        assertEquals(1, ctx.all().size());
    }

    @Test
    void aCpuOnlyWorkerHasNoGpus() {
        String nonce = challenge(operator);
        EnrolWorker good = signed(key, key.publicKeyHex(), nonce);

        WorkerDetails worker = ctx.enrolment.enrol(operator,
                new EnrolWorker(good.address(), good.publicKey(), good.signature(), nonce, List.of(), List.of("synthetic")));
        assertTrue(worker.gpus().isEmpty());
    }

    @Test
    void gpusAreChecked() {
        assertRefused(400, "invalid-gpu", () -> new Gpu("RTX", 0, "8.9", "550"));
        assertRefused(400, "invalid-gpu", () -> new Gpu("RTX", 1024, "eight", "550"));
        assertRefused(400, "invalid-gpu", () -> new Gpu(" ", 1024, "8.9", "550"));
        assertRefused(400, "invalid-gpu", () -> new Gpu("RTX", 1024, "8.9", null));
    }

    private String challenge(Caller caller) {
        return ctx.enrolment.issueChallenge(caller, null).nonce();
    }

    private static byte[] digest(String address, String nonce) {
        return Hashes.sha256(EnrolmentMessage.text("sub-worker", address, nonce).getBytes(StandardCharsets.UTF_8));
    }

    private static EnrolWorker signed(ChainKey key, String publicKeyHex, String nonce) {
        return new EnrolWorker(key.address(), publicKeyHex, HEX.formatHex(key.sign(digest(key.address(), nonce))), nonce,
                RTX, List.of("synthetic", "inference"));
    }

    private static EnrolWorker with(EnrolWorker r, String address, String publicKey, String signature, String nonce) {
        return new EnrolWorker(address, publicKey, signature, nonce, r.gpus(), r.challengeTypes());
    }

    static void assertRefused(int status, String type, Executable call) {
        DomainException e = assertThrows(DomainException.class, call);
        assertEquals(status, e.status(), e.getMessage());
        assertEquals(type, e.type(), e.getMessage());
    }
}
