package com.computemarket.chain.protocol;

import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.chain.crypto.Hashes;
import com.computemarket.chain.crypto.Hexes;
import com.computemarket.chain.crypto.Signatures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.bouncycastle.util.encoders.Hex;

/**
 * A ComputeChain transaction as the node's pydantic model holds it.
 *
 * <p><b>Type.</b> {@code rawTxType} is the wire name exactly as sent; {@code txType} is the matching
 * {@link TxType}, or {@code null} for a name the node's schema accepts but does not execute
 * ({@code POC_REWARD}: accepted by {@code /tx/send} parsing, then rejected with {@code unknown_tx_type}).
 * The hash uses {@code rawTxType}. Any other name is a schema error (422) in {@link #fromJson(String)}.
 *
 * <p><b>Unsigned.</b> {@code pubKey} and {@code signature} may be null or empty; both mean "absent",
 * hash and serialise as {@code ""} (the node's defaults). {@link #isSigned()} tells.
 *
 * <p><b>Payload.</b> Always a JSON object (empty by default); the record keeps its own copy and
 * {@link #payload()} returns a copy, so mutate the result freely. Build it from client JSON with
 * {@link ChainJson} so integers and floats stay apart, because the hash depends on it.
 */
public record Transaction(TxType txType, String fromAddress, String toAddress, BigInteger amount, BigInteger fee,
        BigInteger nonce, BigInteger gasPrice, BigInteger gasLimit, JsonNode payload, String pubKey,
        String signature, String rawTxType) {

    /** Type names the node's {@code TxType} enum accepts: the executable ones plus the system-only POC_REWARD. */
    public static final String POC_REWARD = "POC_REWARD";

    private static final List<String> SCHEMA_TYPES = schemaTypes();

    public Transaction {
        if (rawTxType == null) {
            Objects.requireNonNull(txType, "txType or rawTxType is required");
            rawTxType = txType.name();
        } else if (txType == null) {
            txType = TxType.of(rawTxType).orElse(null);
        } else if (!txType.name().equals(rawTxType)) {
            throw new IllegalArgumentException("txType " + txType + " does not match rawTxType " + rawTxType);
        }
        Objects.requireNonNull(fromAddress, "fromAddress");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(gasPrice, "gasPrice");
        Objects.requireNonNull(gasLimit, "gasLimit");
        if (payload == null) {
            payload = JsonNodeFactory.instance.objectNode();
        } else if (!payload.isObject()) {
            throw new IllegalArgumentException("payload must be a JSON object, got " + payload.getNodeType());
        } else {
            payload = payload.deepCopy();
        }
    }

    /** All fields but the raw type name, which is taken from {@code txType}. */
    public Transaction(TxType txType, String fromAddress, String toAddress, BigInteger amount, BigInteger fee,
            BigInteger nonce, BigInteger gasPrice, BigInteger gasLimit, JsonNode payload, String pubKey,
            String signature) {
        this(Objects.requireNonNull(txType, "txType"), fromAddress, toAddress, amount, fee, nonce, gasPrice,
                gasLimit, payload, pubKey, signature, null);
    }

    /** An unsigned transaction; sign it with {@link #signedBy(ChainKey)}. {@code payload} null means {@code {}}. */
    public static Transaction unsigned(TxType type, String fromAddress, String toAddress, BigInteger amount,
            BigInteger fee, BigInteger nonce, BigInteger gasPrice, BigInteger gasLimit, JsonNode payload) {
        return new Transaction(type, fromAddress, toAddress, amount, fee, nonce, gasPrice, gasLimit, payload,
                null, null);
    }

    /**
     * An unsigned transaction whose gas limit is the type's base gas and whose fee is exactly
     * {@code baseGas * gasPrice}, the least the node accepts.
     */
    public static Transaction unsigned(TxType type, String fromAddress, String toAddress, BigInteger amount,
            BigInteger nonce, BigInteger gasPrice, JsonNode payload) {
        BigInteger gas = BigInteger.valueOf(type.baseGas());
        return unsigned(type, fromAddress, toAddress, amount, gas.multiply(gasPrice), nonce, gasPrice, gas, payload);
    }

    @Override
    public JsonNode payload() {
        return payload.deepCopy();
    }

    public boolean isSigned() {
        return signature != null && !signature.isEmpty();
    }

    /**
     * The text the node hashes: type, from, to (null as ""), amount, fee, nonce, gas price, gas limit,
     * canonical payload JSON, pub key; no separators, signature and chain id not included.
     */
    public String prehash() {
        StringBuilder sb = new StringBuilder(256);
        sb.append(rawTxType).append(fromAddress).append(toAddress == null ? "" : toAddress)
                .append(amount).append(fee).append(nonce).append(gasPrice).append(gasLimit);
        JsonText.CANONICAL.write(payload, sb);
        sb.append(pubKey == null ? "" : pubKey);
        return sb.toString();
    }

    /** The 32 bytes the node signs: SHA-256 of the UTF-8 prehash. */
    public byte[] hashBytes() {
        return Hashes.sha256(prehash().getBytes(StandardCharsets.UTF_8));
    }

    /** The tx hash (lowercase hex), as {@code /tx/send} answers it. */
    public String hash() {
        return Hex.toHexString(hashBytes());
    }

    public Transaction withSignature(String signatureHex) {
        return new Transaction(txType, fromAddress, toAddress, amount, fee, nonce, gasPrice, gasLimit, payload,
                pubKey, signatureHex, rawTxType);
    }

    public Transaction withPubKey(String pubKeyHex) {
        return new Transaction(txType, fromAddress, toAddress, amount, fee, nonce, gasPrice, gasLimit, payload,
                pubKeyHex, signature, rawTxType);
    }

    /**
     * Sets {@code pub_key} to the key's compressed public key (it is part of the hash) and signs the
     * hash with an RFC 6979 nonce. Does not check that the key owns {@code fromAddress}.
     */
    public Transaction signedBy(ChainKey key) {
        Transaction withKey = withPubKey(key.publicKeyHex());
        return withKey.withSignature(Hex.toHexString(key.sign(withKey.hashBytes())));
    }

    /** The node's signature check on this tx: {@code signature} over {@link #hashBytes()} by {@code pub_key}. */
    public boolean signatureValid() {
        byte[] pub = Hexes.tryDecode(pubKey);
        byte[] sig = Hexes.tryDecode(signature);
        return pub != null && sig != null && Signatures.verify(hashBytes(), pub, sig);
    }

    /** The node's {@code model_dump_json()}: its stored and broadcast form, and a valid {@code /tx/send} body. */
    public String toJson() {
        return write(JsonText.PYDANTIC);
    }

    String write(JsonText style) {
        StringBuilder sb = new StringBuilder(512);
        sb.append("{\"tx_type\":");
        style.writeString(rawTxType, sb);
        sb.append(",\"from_address\":");
        style.writeString(fromAddress, sb);
        sb.append(",\"to_address\":");
        if (toAddress == null) {
            sb.append("null");
        } else {
            style.writeString(toAddress, sb);
        }
        sb.append(",\"amount\":").append(amount).append(",\"fee\":").append(fee).append(",\"nonce\":").append(nonce);
        sb.append(",\"signature\":");
        style.writeString(signature == null ? "" : signature, sb);
        sb.append(",\"pub_key\":");
        style.writeString(pubKey == null ? "" : pubKey, sb);
        sb.append(",\"payload\":");
        style.write(payload, sb);
        sb.append(",\"gas_price\":").append(gasPrice).append(",\"gas_limit\":").append(gasLimit).append('}');
        return sb.toString();
    }

    /**
     * Parses a {@code /tx/send} request body as FastAPI + pydantic (lax mode) would: numeric strings,
     * integral floats and booleans coerce to integers, unknown keys are ignored, defaults fill absent
     * optional fields. Whatever the node would answer with 422 throws {@link TransactionFormatException}
     * listing every field error.
     */
    public static Transaction fromJson(String requestBody) {
        JsonNode body;
        try {
            body = ChainJson.parse(requestBody);
        } catch (ChainFormatException e) {
            throw new TransactionFormatException(List.of(new FieldError("", "json_invalid", e.getMessage())), e);
        }
        return fromJson(body);
    }

    /** As {@link #fromJson(String)}, for a body already parsed with {@link ChainJson}. */
    public static Transaction fromJson(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new TransactionFormatException(List.of(new FieldError("", "model_attributes_type",
                    "Input should be a valid dictionary or object to extract fields from")));
        }
        List<FieldError> errors = new ArrayList<>();
        String type = null;
        JsonNode typeNode = body.get("tx_type");
        if (typeNode == null) {
            errors.add(missing("tx_type"));
        } else if (typeNode.isTextual() && SCHEMA_TYPES.contains(typeNode.textValue())) {
            type = typeNode.textValue();
        } else {
            errors.add(new FieldError("tx_type", "enum", "Input should be " + enumList()));
        }
        String from = field(body, "from_address", true, null, Lax::toStr, errors);
        String to = optionalString(body, "to_address", errors);
        BigInteger amount = field(body, "amount", true, null, Lax::toInt, errors);
        BigInteger fee = field(body, "fee", false, BigInteger.ZERO, Lax::toInt, errors);
        BigInteger nonce = field(body, "nonce", true, null, Lax::toInt, errors);
        String signature = field(body, "signature", false, "", Lax::toStr, errors);
        String pubKey = field(body, "pub_key", false, "", Lax::toStr, errors);
        JsonNode payload = body.get("payload");
        if (payload != null && !payload.isObject()) {
            errors.add(new FieldError("payload", "dict_type", "Input should be a valid dictionary"));
        }
        BigInteger gasPrice = field(body, "gas_price", false, BigInteger.ZERO, Lax::toInt, errors);
        BigInteger gasLimit = field(body, "gas_limit", false, BigInteger.ZERO, Lax::toInt, errors);
        if (!errors.isEmpty()) {
            throw new TransactionFormatException(errors);
        }
        return new Transaction(null, from, to, amount, fee, nonce, gasPrice, gasLimit, payload, pubKey, signature,
                type);
    }

    private static <T> T field(JsonNode body, String name, boolean required, T defaultValue,
            Function<JsonNode, Lax.Result<T>> coerce, List<FieldError> errors) {
        JsonNode node = body.get(name);
        if (node == null) {
            if (required) {
                errors.add(missing(name));
            }
            return defaultValue;
        }
        Lax.Result<T> r = coerce.apply(node);
        if (!r.isOk()) {
            errors.add(new FieldError(name, r.errorType(), r.errorMessage()));
        }
        return r.value();
    }

    private static String optionalString(JsonNode body, String name, List<FieldError> errors) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        return field(body, name, false, null, Lax::toStr, errors);
    }

    private static FieldError missing(String field) {
        return new FieldError(field, "missing", "Field required");
    }

    private static List<String> schemaTypes() {
        List<String> names = new ArrayList<>();
        for (TxType t : TxType.values()) {
            names.add(t.name());
        }
        names.add(POC_REWARD);
        return List.copyOf(names);
    }

    private static String enumList() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < SCHEMA_TYPES.size(); i++) {
            if (i > 0) {
                sb.append(i == SCHEMA_TYPES.size() - 1 ? " or " : ", ");
            }
            sb.append('\'').append(SCHEMA_TYPES.get(i)).append('\'');
        }
        return sb.toString();
    }
}
