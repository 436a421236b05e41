package com.computemarket.chain.protocol;

import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.chain.crypto.Hashes;
import com.computemarket.chain.crypto.Hexes;
import com.computemarket.chain.crypto.Signatures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.bouncycastle.util.encoders.Hex;

/**
 * The SUBMIT_RESULT payload (the node's {@code ComputeResult} model). The node checks only that the
 * payload parses and that {@code workerAddress} equals the tx sender; it never verifies
 * {@code resultHash}, {@code proof} or {@code signature}.
 */
public record ComputeResult(String taskId, String workerAddress, String resultHash, String proof, BigInteger nonce,
        String signature) {

    public ComputeResult {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(workerAddress, "workerAddress");
        Objects.requireNonNull(resultHash, "resultHash");
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(signature, "signature");
    }

    /**
     * {@code ComputeResult(**payload)} in pydantic lax mode: the five string fields are required and
     * must be strings; {@code nonce} defaults to 0 and coerces ("42" and 42.0 become 42); extra keys are
     * ignored. Anything else is a {@link ChainFormatException}: the node would silently drop such a tx.
     */
    public static ComputeResult fromPayload(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            throw new ChainFormatException("ComputeResult payload must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        String taskId = string(payload, "task_id", errors);
        String worker = string(payload, "worker_address", errors);
        String resultHash = string(payload, "result_hash", errors);
        String proof = string(payload, "proof", errors);
        BigInteger nonce = BigInteger.ZERO;
        JsonNode nonceNode = payload.get("nonce");
        if (nonceNode != null) {
            Lax.Result<BigInteger> r = Lax.toInt(nonceNode);
            if (r.isOk()) {
                nonce = r.value();
            } else {
                errors.add(new FieldError("nonce", r.errorType(), r.errorMessage()));
            }
        }
        String signature = string(payload, "signature", errors);
        if (!errors.isEmpty()) {
            throw new ChainFormatException("invalid ComputeResult payload: "
                    + errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        }
        return new ComputeResult(taskId, worker, resultHash, proof, nonce, signature);
    }

    private static String string(JsonNode payload, String name, List<FieldError> errors) {
        JsonNode node = payload.get(name);
        if (node == null) {
            errors.add(new FieldError(name, "missing", "Field required"));
            return null;
        }
        Lax.Result<String> r = Lax.toStr(node);
        if (!r.isOk()) {
            errors.add(new FieldError(name, r.errorType(), r.errorMessage()));
        }
        return r.value();
    }

    /** {@code get_signable_bytes()}: UTF-8 of task id, worker, result hash, proof and nonce, concatenated. */
    public byte[] signableBytes() {
        return (taskId + workerAddress + resultHash + proof + nonce).getBytes(StandardCharsets.UTF_8);
    }

    /** pydantic's {@code model_dump_json()}: fixed field order, raw UTF-8; its SHA-256 is the compute-root leaf. */
    public String modelDumpJson() {
        JsonText json = JsonText.PYDANTIC;
        StringBuilder sb = new StringBuilder(256);
        sb.append("{\"task_id\":");
        json.writeString(taskId, sb);
        sb.append(",\"worker_address\":");
        json.writeString(workerAddress, sb);
        sb.append(",\"result_hash\":");
        json.writeString(resultHash, sb);
        sb.append(",\"proof\":");
        json.writeString(proof, sb);
        sb.append(",\"nonce\":").append(nonce).append(",\"signature\":");
        json.writeString(signature, sb);
        return sb.append('}').toString();
    }

    /** The compute-root leaf: SHA-256 of {@link #modelDumpJson()} as UTF-8. */
    public byte[] leaf() {
        return Hashes.sha256(modelDumpJson().getBytes(StandardCharsets.UTF_8));
    }

    /** The payload object for a SUBMIT_RESULT tx, in the model's field order. */
    public ObjectNode toPayload() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("task_id", taskId);
        node.put("worker_address", workerAddress);
        node.put("result_hash", resultHash);
        node.put("proof", proof);
        node.put("nonce", nonce);
        node.put("signature", signature);
        return node;
    }

    /**
     * This result with {@code signature} = RFC 6979 ECDSA over SHA-256({@link #signableBytes()}) by the
     * worker key. The node ignores this signature; it is the marketplace's own attestation.
     */
    public ComputeResult signedBy(ChainKey worker) {
        byte[] sig = worker.sign(Hashes.sha256(signableBytes()));
        return new ComputeResult(taskId, workerAddress, resultHash, proof, nonce, Hex.toHexString(sig));
    }

    /** Checks the worker signature made by {@link #signedBy(ChainKey)}. */
    public boolean workerSignatureValid(byte[] workerPublicKey) {
        byte[] sig = Hexes.tryDecode(signature);
        return sig != null && Signatures.verify(Hashes.sha256(signableBytes()), workerPublicKey, sig);
    }
}
