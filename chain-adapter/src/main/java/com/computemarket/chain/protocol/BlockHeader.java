package com.computemarket.chain.protocol;

import com.computemarket.chain.crypto.Hashes;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.bouncycastle.util.encoders.Hex;

/**
 * A block header. The hash covers every field but the two {@code zk_*} fields, which may be null.
 * {@code computeRoot} is {@code ""} for a block without SUBMIT_RESULT; {@code txRoot} of an empty
 * block is 64 zeros. The block hash is the header hash.
 */
public record BlockHeader(long height, String prevHash, long timestamp, String chainId, String proposerAddress,
        long round, String txRoot, String stateRoot, String computeRoot, long gasUsed, long gasLimit,
        String zkStateProofHash, String zkComputeProofHash) {

    public BlockHeader {
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(chainId, "chainId");
        Objects.requireNonNull(proposerAddress, "proposerAddress");
        Objects.requireNonNull(txRoot, "txRoot");
        Objects.requireNonNull(stateRoot, "stateRoot");
        Objects.requireNonNull(computeRoot, "computeRoot");
    }

    /** str(height) + prev_hash + str(timestamp) + chain_id + proposer + str(round) + roots + str(gas_used) + str(gas_limit). */
    public String prehash() {
        return new StringBuilder(320).append(height).append(prevHash).append(timestamp).append(chainId)
                .append(proposerAddress).append(round).append(txRoot).append(stateRoot).append(computeRoot)
                .append(gasUsed).append(gasLimit).toString();
    }

    public byte[] hashBytes() {
        return Hashes.sha256(prehash().getBytes(StandardCharsets.UTF_8));
    }

    public String hash() {
        return Hex.toHexString(hashBytes());
    }

    /** The node's JSON form of the header (field order as in {@code model_dump_json}). */
    public String toJson() {
        StringBuilder sb = new StringBuilder(512);
        write(JsonText.PYDANTIC, sb);
        return sb.toString();
    }

    void write(JsonText style, StringBuilder sb) {
        sb.append("{\"height\":").append(height).append(",\"prev_hash\":");
        style.writeString(prevHash, sb);
        sb.append(",\"timestamp\":").append(timestamp).append(",\"chain_id\":");
        style.writeString(chainId, sb);
        sb.append(",\"proposer_address\":");
        style.writeString(proposerAddress, sb);
        sb.append(",\"round\":").append(round).append(",\"tx_root\":");
        style.writeString(txRoot, sb);
        sb.append(",\"state_root\":");
        style.writeString(stateRoot, sb);
        sb.append(",\"compute_root\":");
        style.writeString(computeRoot, sb);
        sb.append(",\"gas_used\":").append(gasUsed).append(",\"gas_limit\":").append(gasLimit);
        sb.append(",\"zk_state_proof_hash\":");
        writeNullable(style, zkStateProofHash, sb);
        sb.append(",\"zk_compute_proof_hash\":");
        writeNullable(style, zkComputeProofHash, sb);
        sb.append('}');
    }

    private static void writeNullable(JsonText style, String s, StringBuilder sb) {
        if (s == null) {
            sb.append("null");
        } else {
            style.writeString(s, sb);
        }
    }

    public static BlockHeader fromJson(String json) {
        return fromJson(ChainJson.parse(json));
    }

    /** Reads the header object of a {@code /block/{h}} answer; a missing or mistyped field is a {@link ChainFormatException}. */
    public static BlockHeader fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new ChainFormatException("block header must be a JSON object");
        }
        return new BlockHeader(longField(node, "height"), text(node, "prev_hash"), longField(node, "timestamp"),
                text(node, "chain_id"), text(node, "proposer_address"), longField(node, "round"),
                text(node, "tx_root"), text(node, "state_root"), text(node, "compute_root"),
                longField(node, "gas_used"), longField(node, "gas_limit"),
                nullableText(node, "zk_state_proof_hash"), nullableText(node, "zk_compute_proof_hash"));
    }

    static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || !v.isTextual()) {
            throw new ChainFormatException("field " + name + " must be a string, got " + describe(v));
        }
        return v.textValue();
    }

    static String nullableText(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : text(node, name);
    }

    static long longField(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || !v.isIntegralNumber()) {
            throw new ChainFormatException("field " + name + " must be an integer, got " + describe(v));
        }
        BigInteger b = v.bigIntegerValue();
        if (b.bitLength() > 63) {
            throw new ChainFormatException("field " + name + " out of range: " + b);
        }
        return b.longValue();
    }

    static String describe(JsonNode v) {
        return v == null ? "nothing" : v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
