package com.computemarket.market.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.shared.Amount;
import com.computemarket.shared.ChallengeType;
import com.computemarket.shared.DomainException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskRequestTest {

    static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    static final Duration WEEK = Duration.ofDays(7);
    static final Duration MONTH = Duration.ofDays(30);

    static TaskRequest parse(String body) {
        return TaskRequest.parse(body, NOW, WEEK, MONTH);
    }

    static DomainException refused(String body) {
        return assertThrows(DomainException.class, () -> parse(body));
    }

    @Test
    void theDocsExampleSplitsIntoJobsWhoseRewardsAddUp() {
        TaskRequest request = parse("""
                {"challenge_type":"synthetic","payload":{"seed":"1234abcd5678ef90","matrix_size":1024,"iterations":100},
                 "reward":"10.0","deadline":1700003600}""");
        assertEquals(ChallengeType.SYNTHETIC, request.challengeType());
        assertEquals(Amount.cpc(10), request.reward());
        assertEquals(Instant.ofEpochSecond(1_700_003_600L), request.deadline());
        assertEquals(10, request.jobPayloads().size());
        assertEquals(90, request.jobPayloads().get(9).get("first_iteration").intValue());
        assertEquals(10, request.jobPayloads().get(9).get("iterations").intValue());
    }

    static final String SYNTH = "\"payload\":{\"seed\":\"ab\",\"matrix_size\":1024,\"iterations\":1}";

    @Test
    void theDeadlineDefaults() {
        TaskRequest request = parse("{\"challenge_type\":\"synthetic\"," + SYNTH + ",\"reward\":\"1\"}");
        assertEquals(1, request.jobPayloads().size());
        assertEquals(NOW.plus(WEEK), request.deadline());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "training|{\"model_architecture\":\"resnet50\",\"dataset_url\":\"https://x/d\",\"epochs\":1,\"batch_size\":8}",
            "rendering|{\"scene_file\":\"https://x/s.blend\",\"resolution\":\"1920x1080\",\"frames\":1}",
            "simulation|{}"})
    void typesNoWorkerRunsAreRefusedNamingWhatCanRun(String type, String payload) {
        DomainException e = refused("{\"challenge_type\":\"" + type + "\",\"payload\":" + payload + ",\"reward\":\"1\"}");
        assertEquals(422, e.status());
        assertEquals("challenge-type-not-runnable", e.type());
        assertTrue(e.detail().contains("synthetic, inference"), e.detail());
    }

    @Test
    void theDigestIgnoresKeyOrderButNotValues() {
        String a = parse("{\"challenge_type\":\"synthetic\"," + SYNTH + ",\"reward\":\"1.0\",\"deadline\":1700000100}").digest();
        String b = parse("{\"reward\":\"1.0\",\"deadline\":1700000100," + SYNTH + ",\"challenge_type\":\"synthetic\"}").digest();
        String c = parse("{\"reward\":\"2.0\",\"deadline\":1700000100," + SYNTH + ",\"challenge_type\":\"synthetic\"}").digest();
        assertEquals(a, b);
        assertTrue(!a.equals(c));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json|malformed-json",
            "[]|invalid-body",
            "{\"challenge_type\":\"mining\",\"payload\":{},\"reward\":\"1\"}|unknown-challenge-type",
            "{\"challenge_type\":\"synthetic\",\"payload\":{\"seed\":\"ab\",\"matrix_size\":1024,\"iterations\":1},\"reward\":1}|invalid-amount",
            "{\"challenge_type\":\"synthetic\",\"payload\":{\"seed\":\"ab\",\"matrix_size\":1024,\"iterations\":1},\"reward\":\"-1\"}|invalid-amount",
            "{\"challenge_type\":\"synthetic\",\"payload\":{\"seed\":\"ab\",\"matrix_size\":1024,\"iterations\":1},\"reward\":\"0\"}|reward-too-small",
            "{\"challenge_type\":\"synthetic\",\"payload\":{\"seed\":\"xyz\",\"matrix_size\":1024,\"iterations\":1},\"reward\":\"1\"}|invalid-payload",
            "{\"challenge_type\":\"synthetic\",\"payload\":{\"seed\":\"ab\",\"matrix_size\":-4,\"iterations\":1},\"reward\":\"1\"}|invalid-payload",
            "{\"challenge_type\":\"synthetic\",\"payload\":{\"seed\":\"ab\",\"matrix_size\":1024,\"iterations\":1,\"extra\":1},\"reward\":\"1\"}|invalid-payload",
            "{\"challenge_type\":\"synthetic\",\"payload\":{\"seed\":\"ab\",\"matrix_size\":1024,\"iterations\":1},\"reward\":\"1\",\"tip\":1}|unknown-field",
            "{\"challenge_type\":\"synthetic\",\"payload\":{\"seed\":\"ab\",\"matrix_size\":1024,\"iterations\":1},\"reward\":\"1\",\"deadline\":1600000000}|invalid-deadline",
            "{\"challenge_type\":\"synthetic\",\"payload\":{\"seed\":\"ab\",\"matrix_size\":1024,\"iterations\":1},\"reward\":\"1\",\"deadline\":1.5}|invalid-deadline",
            "{\"challenge_type\":\"synthetic\",\"payload\":{},\"reward\":\"1\",\"reward\":\"2\"}|malformed-json",
            "{\"challenge_type\":\"synthetic\",\"payload\":\"x\",\"reward\":\"1\"}|invalid-payload"})
    void badInputIsRefusedWithAStableType(String body, String type) {
        DomainException e = refused(body);
        assertEquals(type, e.type(), e.getMessage());
        assertEquals(400, e.status());
    }

    @Test
    void theLargestSyntheticTaskStaysWithinTheJobLimit() {
        TaskRequest request = parse("{\"challenge_type\":\"synthetic\",\"payload\":{\"seed\":\"ab\",\"matrix_size\":16,\"iterations\":10000},\"reward\":\"1\"}");
        assertEquals(1000, request.jobPayloads().size());
    }

    @Test
    void anOversizedBodyIs413() {
        String big = "{\"challenge_type\":\"synthetic\",\"payload\":{\"x\":\"" + "a".repeat(TaskRequest.MAX_BODY_BYTES) + "\"},\"reward\":\"1\"}";
        assertEquals(413, refused(big).status());
    }

    @Test
    void idempotencyKeysAreVisibleAscii() {
        assertEquals("abc-123", TaskRequest.checkIdempotencyKey("abc-123"));
        assertThrows(DomainException.class, () -> TaskRequest.checkIdempotencyKey("with space"));
        assertThrows(DomainException.class, () -> TaskRequest.checkIdempotencyKey("x".repeat(201)));
    }
}
