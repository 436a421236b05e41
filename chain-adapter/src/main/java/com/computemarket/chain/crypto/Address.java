package com.computemarket.chain.crypto;

import org.bouncycastle.util.encoders.Hex;

/**
 * A decoded ComputeChain address, as the node's {@code decode_address} returns it: the lower-case
 * prefix and the decoded bytes (20 for every address the node produces) as lowercase hex.
 */
public record Address(String hrp, String dataHex) {

    public byte[] data() {
        return Hex.decode(dataHex);
    }
}
