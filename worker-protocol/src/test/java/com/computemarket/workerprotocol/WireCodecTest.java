package com.computemarket.workerprotocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireCodecTest {

    private final WireCodec codec = new WireCodec();
    private final UUID job = UUID.fromString("0b4f6a52-6c1e-4f1c-9d3a-1d2f3a4b5c6d");
    private final UUID task = UUID.fromString("7e57da7a-0000-4000-8000-000000000001");

    @Test
    void everyMessageSurvivesARoundTrip() {
        List<WireMessage> messages = List.of(
                new WireMessage.Hello("cpc1abc", 4, List.of("synthetic", "inference")),
                new WireMessage.Welcome(UUID.randomUUID(), 30_000, 10_000),
                new WireMessage.JobAssignment(job, task, "synthetic", codec.tree("{\"n\":1024,\"seed\":\"ab\"}"),
                        Instant.parse("2025-01-01T00:00:30Z")),
                new WireMessage.Heartbeat(),
                new WireMessage.JobResult(job, "cpc1abc", "1234abcd", codec.tree("{\"rows\":[[1,2],[3]]}")),
                new WireMessage.JobResult(job, "cpc1abc", "1234abcd", null),
                new WireMessage.ResultAck(job, WireMessage.ResultAck.ACCEPTED),
                new WireMessage.ReturnJob(job),
                new WireMessage.ErrorMessage("invalid-message", "capacity must be between 1 and 1024"));

        for (WireMessage message : messages) {
            assertEquals(message, codec.decode(codec.encode(message)), codec.encode(message));
        }
    }

    @Test
    void theTypeNameOfAMessageIsItsTypeOnTheWire() throws Exception {
        List<WireMessage> messages = List.of(new WireMessage.Heartbeat(), new WireMessage.ReturnJob(job),
                new WireMessage.JobResult(job, "cpc1abc", "1234abcd", null),
                new WireMessage.ResultAck(job, WireMessage.ResultAck.ACCEPTED));
        for (WireMessage message : messages) {
            assertEquals(codec.tree(codec.encode(message)).get("type").asText(), WireCodec.typeName(message));
        }
        assertEquals("job_result", WireCodec.typeName(messages.get(2)));
    }

    @Test
    void theWireNamesAreSnakeCaseWithATypeDiscriminator() {
        String json = codec.encode(new WireMessage.JobAssignment(job, task, "synthetic", codec.tree("{\"n\":2}"),
                Instant.parse("2025-01-01T00:00:30Z")));

        assertEquals("{\"type\":\"job\",\"job_id\":\"" + job + "\",\"task_id\":\"" + task
                + "\",\"challenge_type\":\"synthetic\",\"payload\":{\"n\":2},\"lease_expires_at\":\"2025-01-01T00:00:30Z\"}", json);
        assertEquals("{\"type\":\"heartbeat\"}", codec.encode(new WireMessage.Heartbeat()));
    }

    @Test
    void theSeedsJobResultExampleDecodes() {
        WireMessage message = codec.decode("{\"type\":\"job_result\",\"job_id\":\"" + job
                + "\",\"worker_address\":\"cpc1xyz\",\"result_hash\":\"1234abcd5678ef90\",\"proof\":null}");

        WireMessage.JobResult result = assertInstanceOf(WireMessage.JobResult.class, message);
        assertEquals("1234abcd5678ef90", result.resultHash());
        assertNull(result.proof());
    }

    @Test
    void helloModelsAndJobResultOutputAreOptional() {
        WireMessage.Hello old = (WireMessage.Hello) codec.decode(
                "{\"type\":\"hello\",\"worker_address\":\"cpc1abc\",\"capacity\":2,\"challenge_types\":[\"synthetic\"]}");
        assertEquals(List.of(), old.models());
        assertFalse(codec.encode(old).contains("models"), codec.encode(old));
        WireMessage.Hello withModels = new WireMessage.Hello("cpc1abc", 2, List.of("inference"), List.of("all-minilm-l6-v2"));
        assertEquals(withModels, codec.decode(codec.encode(withModels)));
        assertTrue(codec.encode(withModels).contains("\"models\":[\"all-minilm-l6-v2\"]"), codec.encode(withModels));

        WireMessage.JobResult plain = new WireMessage.JobResult(job, "cpc1abc", "1234abcd", null);
        assertFalse(codec.encode(plain).contains("output"), codec.encode(plain));
        WireMessage.JobResult withOutput = new WireMessage.JobResult(job, "cpc1abc", "1234abcd", null,
                codec.tree("{\"kind\":\"embedding\",\"vectors\":[\"AAAAAA==\"],\"truncated\":[]}"));
        assertEquals(withOutput, codec.decode(codec.encode(withOutput)));
        assertThrows(WireFormatException.class, () -> codec.decode("{\"type\":\"job_result\",\"job_id\":\"" + job
                + "\",\"worker_address\":\"cpc1abc\",\"result_hash\":\"ab\",\"output\":[1]}"));
    }

    @Test
    void unknownExtraFieldsAreIgnored() {
        WireMessage message = codec.decode("{\"type\":\"heartbeat\",\"sent_at\":12345}");

        assertEquals(new WireMessage.Heartbeat(), message);
    }

    @Test
    void anOversizedFrameIsRefusedBeforeParsing() {
        WireCodec small = new WireCodec(100);
        String big = "{\"type\":\"return_job\",\"job_id\":\"" + job + "\",\"pad\":\"" + "x".repeat(100) + "\"}";

        WireFormatException e = assertThrows(WireFormatException.class, () -> small.decode(big));

        assertEquals(WireFormatException.TOO_LARGE, e.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"type\":\"heartbeat\"", "{\"type\":\"heartbeat\"} trailing", "", "   ",
            "{\"type\":\"heartbeat\",\"type\":\"hello\"}"})
    void textThatIsNotOneJsonObjectIsMalformed(String text) {
        WireFormatException e = assertThrows(WireFormatException.class, () -> codec.decode(text));

        assertEquals(WireFormatException.MALFORMED, e.code(), e.getMessage());
    }

    @Test
    void anUnknownTypeIsNamed() {
        WireFormatException e = assertThrows(WireFormatException.class, () -> codec.decode("{\"type\":\"gimme_money\"}"));

        assertEquals(WireFormatException.UNKNOWN_TYPE, e.code());
        assertTrue(e.getMessage().contains("gimme_money"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"job_id\":\"0b4f6a52-6c1e-4f1c-9d3a-1d2f3a4b5c6d\"}",
            "[1,2]",
            "\"hello\"",
            "{\"type\":\"hello\",\"worker_address\":\"cpc1a\",\"capacity\":0,\"challenge_types\":[\"synthetic\"]}",
            "{\"type\":\"hello\",\"worker_address\":\"cpc1a\",\"capacity\":-3,\"challenge_types\":[\"synthetic\"]}",
            "{\"type\":\"hello\",\"worker_address\":\"cpc1a\",\"capacity\":\"many\",\"challenge_types\":[\"synthetic\"]}",
            "{\"type\":\"hello\",\"worker_address\":\"cpc1a\",\"capacity\":2,\"challenge_types\":[]}",
            "{\"type\":\"hello\",\"capacity\":2,\"challenge_types\":[\"synthetic\"]}",
            "{\"type\":\"job_result\",\"job_id\":\"not-a-uuid\",\"worker_address\":\"cpc1a\",\"result_hash\":\"ab\"}",
            "{\"type\":\"job_result\",\"job_id\":\"0b4f6a52-6c1e-4f1c-9d3a-1d2f3a4b5c6d\",\"worker_address\":\"cpc1a\"}",
            "{\"type\":\"return_job\"}",
            "{\"type\":\"job\",\"job_id\":\"0b4f6a52-6c1e-4f1c-9d3a-1d2f3a4b5c6d\",\"task_id\":\"0b4f6a52-6c1e-4f1c-9d3a-1d2f3a4b5c6d\","
                    + "\"challenge_type\":\"synthetic\",\"payload\":[1],\"lease_expires_at\":\"2025-01-01T00:00:00Z\"}"})
    void missingWrongOrOutOfRangeFieldsAreInvalid(String text) {
        WireFormatException e = assertThrows(WireFormatException.class, () -> codec.decode(text));

        assertEquals(WireFormatException.INVALID, e.code(), text + " → " + e.getMessage());
    }

    @Test
    void anOverlongResultHashIsInvalid() {
        String text = "{\"type\":\"job_result\",\"job_id\":\"" + job + "\",\"worker_address\":\"cpc1a\",\"result_hash\":\""
                + "a".repeat(129) + "\"}";

        WireFormatException e = assertThrows(WireFormatException.class, () -> codec.decode(text));

        assertEquals(WireFormatException.INVALID, e.code());
        assertTrue(e.getMessage().contains("result_hash"), e.getMessage());
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        String nested = "[".repeat(200) + "]".repeat(200);
        String text = "{\"type\":\"job_result\",\"job_id\":\"" + job + "\",\"worker_address\":\"cpc1a\",\"result_hash\":\"ab\",\"proof\":"
                + nested + "}";

        assertThrows(WireFormatException.class, () -> codec.decode(text));
    }
}
