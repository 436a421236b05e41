package com.computemarket.challenge.generation;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import com.computemarket.challenge.synthetic.MerkleTree;

/**
 * The worker's commitment to a generated text: one record per generated token i (0-based),
 * <pre>
 *   chain_−1 = job.genesis()
 *   chain_i  = SHA-256( chain_{i−1} || le32(token_i) )                          the prefix up to and with token i
 *   leaf_i   = SHA-256( le32(i) || le32(token_i) || le32(float32 bits of logprob_i) || chain_i )    (44 bytes in)
 *   result_hash = Merkle root over leaf_0 … leaf_{n−1} with the chain's tree rule (MerkleTree)
 * </pre>
 * A record's chain value commits to the whole prefix, so an opened record (leaf + Merkle path + prefix tokens)
 * proves the context the token was generated in.
 */
public final class TokenRecords {

    private final byte[][] chain;
    private final MerkleTree tree;

    private TokenRecords(byte[][] chain, MerkleTree tree) {
        this.chain = chain;
        this.tree = tree;
    }

    public static TokenRecords of(TextJob job, int[] tokens, float[] logProbs) {
        if (tokens.length == 0 || tokens.length != logProbs.length) {
            throw new IllegalArgumentException("at least one token, and one log-probability per token");
        }
        MessageDigest sha = Sha256.digest();
        byte[][] chain = new byte[tokens.length][];
        byte[][] leaves = new byte[tokens.length][];
        byte[] previous = job.genesis();
        ByteBuffer le = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < tokens.length; i++) {
            sha.reset();
            sha.update(previous);
            sha.update(le.clear().putInt(tokens[i]).array(), 0, 4);
            chain[i] = sha.digest();
            sha.reset();
            sha.update(le.clear().putInt(i).putInt(tokens[i]).putInt(Float.floatToRawIntBits(logProbs[i])).array());
            sha.update(chain[i]);
            leaves[i] = sha.digest();
            previous = chain[i];
        }
        return new TokenRecords(chain, MerkleTree.over(leaves));
    }

    public static TokenRecords of(TextJob job, ClaimedText claimed) {
        return of(job, claimed.tokens(), claimed.logProbs());
    }

    public int size() {
        return chain.length;
    }

    /** 64 hex digits: the job's result_hash. */
    public String resultHash() {
        return HexFormat.of().formatHex(tree.root());
    }

    public byte[] chain(int index) {
        return chain[index].clone();
    }

    public byte[] leaf(int index) {
        return tree.leaf(index);
    }

    /** The Merkle path of record {@code index}, for a verifier that receives openings instead of the whole result. */
    public List<byte[]> path(int index) {
        return tree.path(index);
    }
}
