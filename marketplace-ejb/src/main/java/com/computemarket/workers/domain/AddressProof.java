package com.computemarket.workers.domain;

import com.computemarket.chain.crypto.Addresses;
import com.computemarket.chain.crypto.Hashes;
import com.computemarket.chain.crypto.Signatures;
import com.computemarket.shared.DomainException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A claim "this cpc1 address is mine": the public key and a signature over the enrolment message, in the chain's
 * formats (compressed 33-byte or uncompressed 65-byte SEC1 key; r || s, 64 bytes). Malformed input is a 400 that
 * says which field; a well-formed proof that does not hold is a 422.
 */
public record AddressProof(String address, byte[] publicKey, byte[] signature) {

    private static final Pattern HEX = Pattern.compile("(0x)?[0-9a-fA-F]*");

    /** Parses the three wire fields, refusing bad hex, wrong lengths and anything that is not a cpc account address. */
    public static AddressProof parse(String address, String publicKeyHex, String signatureHex) {
        requireAddress(address);
        byte[] key = hex("public_key", publicKeyHex);
        boolean compressed = key.length == 33 && (key[0] == 2 || key[0] == 3);
        boolean uncompressed = key.length == 65 && key[0] == 4;
        if (!compressed && !uncompressed) {
            throw DomainException.invalid("invalid-public-key", "public_key must be a SEC1 secp256k1 key: 33 bytes "
                    + "starting 02/03 (66 hex characters) or 65 bytes starting 04 (130 hex characters); got "
                    + key.length + " bytes");
        }
        byte[] sig = hex("signature", signatureHex);
        if (sig.length != 64) {
            throw DomainException.invalid("invalid-signature", "signature must be r || s, 64 bytes (128 hex characters); got "
                    + sig.length + " bytes");
        }
        return new AddressProof(address, key, sig);
    }

    /** A lower-case bech32 account address ("cpc1…"), else a 400 that shows what came. */
    public static String requireAddress(String address) {
        if (address == null || address.isBlank()) {
            throw DomainException.invalid("invalid-address", "address is required, a cpc1… account address");
        }
        if (address.length() > 90 || !address.equals(address.toLowerCase(Locale.ROOT))
                || !Addresses.isValid(address, Addresses.HRP_ACCOUNT)) {
            throw DomainException.invalid("invalid-address", "address must be a lower-case bech32 cpc1… account address; got \""
                    + abbreviate(address) + "\"");
        }
        return address;
    }

    /**
     * Checks that the key is the address's (hash160 of its compressed form, as the chain derives addresses) and that
     * it signed sha256({@code message}).
     */
    public void verify(byte[] message) {
        if (!Addresses.fromPublicKey(compressedKey(), Addresses.HRP_ACCOUNT).equals(address)) {
            throw DomainException.unprocessable("public-key-mismatch",
                    "public_key does not belong to address " + address + " (its address is "
                            + Addresses.fromPublicKey(compressedKey(), Addresses.HRP_ACCOUNT) + ")");
        }
        if (!Signatures.verify(Hashes.sha256(message), publicKey, signature)) {
            throw DomainException.unprocessable("signature-invalid",
                    "signature does not verify: sign sha256 of the exact enrolment message with the key of " + address);
        }
    }

    /** The 33-byte form, which is what the chain hashes into an address whatever form the caller sent. */
    byte[] compressedKey() {
        if (publicKey.length == 33) {
            return publicKey.clone();
        }
        byte[] out = new byte[33];
        out[0] = (byte) ((publicKey[64] & 1) == 0 ? 2 : 3);
        System.arraycopy(publicKey, 1, out, 1, 32);
        return out;
    }

    public String publicKeyHex() {
        return HexFormat.of().formatHex(compressedKey());
    }

    private static byte[] hex(String field, String text) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid("invalid-" + field.replace('_', '-'), field + " is required, as hex");
        }
        if (!HEX.matcher(text).matches() || text.length() % 2 != 0 || text.length() > 400) {
            throw DomainException.invalid("invalid-" + field.replace('_', '-'), field
                    + " must be an even number of hex digits (an optional 0x prefix is allowed); got \""
                    + abbreviate(text) + "\"");
        }
        return HexFormat.of().parseHex(text.startsWith("0x") ? text.substring(2) : text);
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
