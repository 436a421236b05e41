package com.computemarket.chain.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComputeResultTest {

    private static final String PAYLOAD = "{\"task_id\":\"t\",\"worker_address\":\"w\",\"result_hash\":\"r\",\"proof\":\"p\","
            + "\"signature\":\"s\"NONCE}";

    private static ComputeResult parse(String nonce) {
        return ComputeResult.fromPayload(ChainJson.parse(PAYLOAD.replace("NONCE", nonce)));
    }

    @Test
    void nonceCoercesLikePydantic() {
        assertEquals(BigInteger.ZERO, parse("").nonce());
        assertEquals(BigInteger.valueOf(42), parse(",\"nonce\":\"42\"").nonce());
        assertEquals(BigInteger.valueOf(5), parse(",\"nonce\":5.0").nonce());
        assertEquals(new BigInteger("123456789012345678901234567890"),
                parse(",\"nonce\":123456789012345678901234567890").nonce());
    }

    @ParameterizedTest
    @ValueSource(strings = {",\"nonce\":5.5", ",\"nonce\":\"x\"", ",\"nonce\":null", ",\"nonce\":[]"})
    void nonIntegerNonceIsRejected(String nonce) {
        ChainFormatException e = assertThrows(ChainFormatException.class, () -> parse(nonce));
        assertTrue(e.getMessage().contains("nonce"), e.getMessage());
    }

    @Test
    void missingOrMistypedFieldsAreNamed() {
        ChainFormatException e = assertThrows(ChainFormatException.class,
                () -> ComputeResult.fromPayload(ChainJson.parse("{\"task_id\":1,\"proof\":\"p\"}")));
        for (String field : List.of("task_id", "worker_address", "result_hash", "signature")) {
            assertTrue(e.getMessage().contains(field), e.getMessage());
        }
        assertThrows(ChainFormatException.class, () -> ComputeResult.fromPayload(ChainJson.parse("[]")));
    }

    @Test
    void extraKeysDoNotReachTheLeaf() {
        ComputeResult plain = parse("");
        ComputeResult extra = ComputeResult.fromPayload(ChainJson.parse(PAYLOAD.replace("NONCE", ",\"zz\":{\"a\":1}")));
        assertEquals(plain, extra);
        assertEquals("{\"task_id\":\"t\",\"worker_address\":\"w\",\"result_hash\":\"r\",\"proof\":\"p\",\"nonce\":0,"
                + "\"signature\":\"s\"}", extra.modelDumpJson());
    }
}
