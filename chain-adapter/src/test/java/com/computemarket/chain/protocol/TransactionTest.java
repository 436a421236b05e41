package com.computemarket.chain.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.chain.crypto.ChainKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransactionTest {

    private static final ChainKey K01 = ChainKey.fromHex("01".repeat(32));
    private static final String BODY = "{\"tx_type\":\"TRANSFER\",\"from_address\":\"cpc10xcqpzrky6eff2g52qdye53xkk9jxkvr2hadde\","
            + "\"to_address\":\"cpc1a0qwuze2h85zw7nqpsj3ga0z9geyrgwpugqrh5\",\"amount\":AMOUNT,\"fee\":1000000000000000,"
            + "\"nonce\":7,\"pub_key\":\"031b84c5567b126440995d3ed5aaba0565d71e1834604819ff9c17f5e9d5dd078f\","
            + "\"payload\":{},\"gas_price\":2000,\"gas_limit\":21000}";

    private static Transaction withAmount(String amountJson) {
        return Transaction.fromJson(BODY.replace("AMOUNT", amountJson));
    }

    /** pydantic lax int: the same outcomes as pydantic (checked against pydantic 2.13 / pydantic-core source). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1 | 1", "1.0 | 1", "1e15 | 1000000000000000", "true | 1", "false | 0", "\"1\" | 1", "\" 1 \" | 1",
        "\"+1\" | 1", "\"1.00\" | 1", "\"01\" | 1", "\"1_000\" | 1000", "\"-0\" | 0", "\" -1_0 \" | -10",
        "\"\\u00a01\" | 1", "100000000000000000000 | 100000000000000000000",
        "\"100000000000000000000\" | 100000000000000000000", "-5 | -5"
    })
    void coercesIntegersLikePydantic(String json, String expected) {
        assertEquals(new BigInteger(expected), withAmount(json).amount());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.5 | int_from_float", "\"abc\" | int_parsing", "\"1e3\" | int_parsing", "\"\" | int_parsing",
        "\"1.\" | int_parsing", "\"\\u0661\" | int_parsing", "1e20 | int_parsing_size", "NaN | finite_number",
        "Infinity | finite_number", "null | int_type", "[1] | int_type", "{} | int_type"
    })
    void rejectsWhatPydanticRejects(String json, String type) {
        TransactionFormatException e = assertThrows(TransactionFormatException.class, () -> withAmount(json));
        assertEquals(List.of("amount"), e.errors().stream().map(FieldError::field).toList());
        assertEquals(type, e.errors().get(0).type());
    }

    @Test
    void listsEveryFieldError() {
        TransactionFormatException e = assertThrows(TransactionFormatException.class,
                () -> Transaction.fromJson("{\"to_address\":5,\"payload\":[],\"signature\":null,\"fee\":1.5}"));
        assertEquals(List.of("tx_type:missing", "from_address:missing", "to_address:string_type", "amount:missing",
                        "fee:int_from_float", "nonce:missing", "signature:string_type", "payload:dict_type"),
                e.errors().stream().map(f -> f.field() + ":" + f.type()).toList());
        assertTrue(e.getMessage().contains("fee: Input should be a valid integer, got a number with a fractional part"),
                e.getMessage());
    }

    @Test
    void bodyErrors() {
        assertEquals("json_invalid", assertThrows(TransactionFormatException.class,
                () -> Transaction.fromJson("{\"tx_type\":")).errors().get(0).type());
        assertEquals("model_attributes_type", assertThrows(TransactionFormatException.class,
                () -> Transaction.fromJson("[]")).errors().get(0).type());
    }

    @Test
    void pocRewardParsesButHasNoExecutableType() {
        Transaction tx = Transaction.fromJson(BODY.replace("AMOUNT", "1").replace("TRANSFER", "POC_REWARD"));
        assertNull(tx.txType());
        assertEquals("POC_REWARD", tx.rawTxType());
        assertTrue(tx.prehash().startsWith("POC_REWARDcpc1"));
        TransactionFormatException e = assertThrows(TransactionFormatException.class,
                () -> Transaction.fromJson(BODY.replace("AMOUNT", "1").replace("TRANSFER", "transfer")));
        assertEquals("enum", e.errors().get(0).type());
    }

    @Test
    void defaultsAndIgnoredKeys() {
        Transaction tx = Transaction.fromJson("{\"tx_type\":\"STAKE\",\"from_address\":\"x\",\"amount\":1,\"nonce\":0,"
                + "\"chain_id\":\"ignored\"}");
        assertEquals(BigInteger.ZERO, tx.fee());
        assertEquals(BigInteger.ZERO, tx.gasPrice());
        assertEquals("", tx.signature());
        assertNull(tx.toAddress());
        assertEquals("{\"tx_type\":\"STAKE\",\"from_address\":\"x\",\"to_address\":null,\"amount\":1,\"fee\":0,\"nonce\":0,"
                + "\"signature\":\"\",\"pub_key\":\"\",\"payload\":{},\"gas_price\":0,\"gas_limit\":0}", tx.toJson());
    }

    @Test
    void signsAndVerifies() {
        Transaction unsigned = Transaction.unsigned(TxType.SUBMIT_RESULT, K01.address(), null, BigInteger.ZERO,
                BigInteger.ONE, BigInteger.valueOf(1000), new ComputeResult("t", K01.address(), "00", "", BigInteger.ONE, "")
                        .toPayload());
        assertEquals(BigInteger.valueOf(80_000), unsigned.gasLimit());
        assertEquals(BigInteger.valueOf(80_000_000), unsigned.fee());
        assertFalse(unsigned.isSigned());
        assertFalse(unsigned.signatureValid());
        Transaction signed = unsigned.signedBy(K01);
        assertTrue(signed.isSigned());
        assertEquals(K01.publicKeyHex(), signed.pubKey());
        assertTrue(signed.signatureValid());
        assertEquals(signed, signed.withSignature(null).signedBy(K01), "RFC 6979: same signature every time");
        Transaction reparsed = Transaction.fromJson(signed.toJson());
        assertEquals(signed.hash(), reparsed.hash());
        assertTrue(reparsed.signatureValid());
        String sig = signed.signature();
        String flipped = (sig.charAt(0) == '0' ? '1' : '0') + sig.substring(1);
        assertFalse(signed.withSignature(flipped).signatureValid());
    }

    @Test
    void nullAndEmptyPubKeyHashAlike() {
        Transaction tx = withAmount("1");
        assertEquals(tx.withPubKey(null).hash(), tx.withPubKey("").hash());
        assertEquals(tx.withPubKey(null).toJson(), tx.withPubKey("").toJson());
    }

    @Test
    void payloadIsCopiedInAndOut() {
        ObjectNode payload = ChainJson.mapper().createObjectNode().put("a", 1);
        Transaction tx = Transaction.unsigned(TxType.TRANSFER, "x", "y", BigInteger.ONE, BigInteger.ZERO,
                BigInteger.valueOf(1000), payload);
        String hash = tx.hash();
        payload.put("b", 2);
        ((ObjectNode) tx.payload()).put("c", 3);
        assertEquals(hash, tx.hash());
        assertThrows(IllegalArgumentException.class, () -> Transaction.unsigned(TxType.TRANSFER, "x", "y",
                BigInteger.ONE, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO,
                ChainJson.parse("[1]")));
    }

    @Test
    void typeAndRawTypeMustAgree() {
        assertThrows(IllegalArgumentException.class, () -> new Transaction(TxType.STAKE, "x", null, BigInteger.ONE,
                BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, null, null, null, "TRANSFER"));
        assertEquals(TxType.UNJAIL, new Transaction(null, "x", null, BigInteger.ONE, BigInteger.ZERO, BigInteger.ZERO,
                BigInteger.ZERO, BigInteger.ZERO, null, null, null, "UNJAIL").txType());
    }

    @Test
    void txTypeLookup() {
        assertEquals(TxType.DELEGATE, TxType.of("DELEGATE").orElseThrow());
        assertTrue(TxType.of("POC_REWARD").isEmpty());
        assertTrue(TxType.of("transfer").isEmpty());
        assertTrue(TxType.of(null).isEmpty());
    }
}
