package com.computemarket.chain.protocol;

import com.computemarket.chain.crypto.Hexes;
import com.computemarket.chain.crypto.Signatures;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A block as {@code GET /block/{height}} returns it. {@code pqSignature} (hex, may be null) is the
 * proposer's secp256k1 signature over the header hash bytes; scheme id 1 is that scheme.
 */
public record Block(BlockHeader header, List<Transaction> txs, String pqSignature, int pqSigSchemeId) {

    public Block {
        Objects.requireNonNull(header, "header");
        txs = List.copyOf(txs);
    }

    public String hash() {
        return header.hash();
    }

    /** Parses a {@code /block/{h}} answer; amounts of any size are kept exactly. */
    public static Block fromJson(String json) {
        return fromJson(ChainJson.parse(json));
    }

    public static Block fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new ChainFormatException("block must be a JSON object");
        }
        BlockHeader header = BlockHeader.fromJson(node.get("header"));
        JsonNode txsNode = node.get("txs");
        if (txsNode == null || !txsNode.isArray()) {
            throw new ChainFormatException("field txs must be an array, got " + BlockHeader.describe(txsNode));
        }
        List<Transaction> txs = new ArrayList<>(txsNode.size());
        for (int i = 0; i < txsNode.size(); i++) {
            try {
                txs.add(Transaction.fromJson(txsNode.get(i)));
            } catch (TransactionFormatException e) {
                throw new ChainFormatException("txs[" + i + "]: " + e.getMessage(), e);
            }
        }
        String pqSignature = BlockHeader.nullableText(node, "pq_signature");
        JsonNode scheme = node.get("pq_sig_scheme_id");
        int schemeId = scheme == null || scheme.isNull() ? 0 : (int) BlockHeader.longField(node, "pq_sig_scheme_id");
        return new Block(header, txs, pqSignature, schemeId);
    }

    /** The node's JSON answer for this block (FastAPI's {@code json.dumps}: raw UTF-8, Python float text). */
    public String toJson() {
        StringBuilder sb = new StringBuilder(1024);
        sb.append("{\"header\":");
        header.write(JsonText.FASTAPI, sb);
        sb.append(",\"txs\":[");
        for (int i = 0; i < txs.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(txs.get(i).write(JsonText.FASTAPI));
        }
        sb.append("],\"pq_signature\":");
        if (pqSignature == null) {
            sb.append("null");
        } else {
            JsonText.FASTAPI.writeString(pqSignature, sb);
        }
        return sb.append(",\"pq_sig_scheme_id\":").append(pqSigSchemeId).append('}').toString();
    }

    /** Whether {@code pq_signature} is the given validator key's signature over the header hash. */
    public boolean signatureValid(byte[] validatorPubKey) {
        byte[] sig = Hexes.tryDecode(pqSignature);
        return sig != null && Signatures.verify(header.hashBytes(), validatorPubKey, sig);
    }

    /** Whether the header's tx_root and compute_root match the transactions. */
    public boolean rootsMatch() {
        return Merkle.txRoot(txs).equals(header.txRoot()) && Merkle.computeRoot(txs).equals(header.computeRoot());
    }
}
