package com.computemarket.chain.crypto;

import java.util.Optional;

/**
 * ComputeChain addresses: bech32(hrp, convertbits(hash160(pubkey), 8, 5, pad)), with no witness
 * version byte. Decoding and validation reproduce the node's {@code decode_address} and
 * {@code is_valid_address}.
 */
public final class Addresses {

    /** Account addresses. */
    public static final String HRP_ACCOUNT = "cpc";
    /** Validator consensus addresses: block proposers and {@code /validators} use this one. */
    public static final String HRP_CONSENSUS = "cpcvalcons";
    /** Validator operator addresses (defined in the node's params, unused by the code paths we ran). */
    public static final String HRP_OPERATOR = "cpcvaloper";

    private Addresses() {
    }

    /** The address of exactly these public-key bytes (the node sends the compressed form). */
    public static String fromPublicKey(byte[] publicKey, String hrp) {
        byte[] words = Bech32.convertBits(Hashes.hash160(publicKey), 8, 5, true).orElseThrow();
        return Bech32.encode(hrp, words);
    }

    /** {@code decode_address}: hrp and data, or empty where the node raises "Invalid bech32 address". */
    public static Optional<Address> tryDecode(String address) {
        return Bech32.decode(address)
                .flatMap(d -> Bech32.convertBits(d.words(), 5, 8, false)
                        .map(bytes -> new Address(d.hrp(), org.bouncycastle.util.encoders.Hex.toHexString(bytes))));
    }

    /** {@code decode_address}; throws {@link IllegalArgumentException} "Invalid bech32 address" like the node. */
    public static Address decode(String address) {
        return tryDecode(address).orElseThrow(() -> new IllegalArgumentException("Invalid bech32 address"));
    }

    /** {@code is_valid_address(addr)}: decodes, whatever the prefix. */
    public static boolean isValid(String address) {
        return address != null && tryDecode(address).isPresent();
    }

    /** {@code is_valid_address(addr, expected_prefix)}: decodes and the decoded prefix equals {@code expectedHrp}. */
    public static boolean isValid(String address, String expectedHrp) {
        if (expectedHrp == null) {
            return isValid(address);
        }
        return address != null && tryDecode(address).filter(a -> a.hrp().equals(expectedHrp)).isPresent();
    }

    /** The prefix as the node takes it when checking a sender: {@code address.split("1")[0]}, the text before the FIRST '1'. */
    public static String prefixOf(String address) {
        int i = address.indexOf('1');
        return i < 0 ? address : address.substring(0, i);
    }

    /**
     * The node's {@code pub_key_mismatch} check: the address derived from {@code publicKey} with the
     * sender's own prefix must equal {@code fromAddress} character for character.
     */
    public static boolean matchesPublicKey(String fromAddress, byte[] publicKey) {
        return fromPublicKey(publicKey, prefixOf(fromAddress)).equals(fromAddress);
    }
}
