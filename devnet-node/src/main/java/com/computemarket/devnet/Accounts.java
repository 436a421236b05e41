package com.computemarket.devnet;

import com.computemarket.chain.crypto.Hashes;
import org.bouncycastle.util.encoders.Hex;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Balances and nonces by address. Not thread-safe: the chain copies it to build a block and swaps the copy in.
 */
final class Accounts {

    /** One account; unknown addresses read as zero balance and nonce, as on the real node. */
    record Account(BigInteger balance, BigInteger nonce) {
        static final Account EMPTY = new Account(BigInteger.ZERO, BigInteger.ZERO);

        boolean isEmpty() {
            return balance.signum() == 0 && nonce.signum() == 0;
        }
    }

    private final Map<String, Account> byAddress;

    Accounts() {
        this(new HashMap<>());
    }

    private Accounts(Map<String, Account> byAddress) {
        this.byAddress = byAddress;
    }

    Accounts copy() {
        return new Accounts(new HashMap<>(byAddress));
    }

    Account get(String address) {
        return byAddress.getOrDefault(address, Account.EMPTY);
    }

    void credit(String address, BigInteger amount) {
        Account a = get(address);
        put(address, new Account(a.balance().add(amount), a.nonce()));
    }

    /** Takes {@code amount} and counts one more transaction from {@code address}. */
    void chargeAndBumpNonce(String address, BigInteger amount) {
        Account a = get(address);
        put(address, new Account(a.balance().subtract(amount), a.nonce().add(BigInteger.ONE)));
    }

    /**
     * The devnet's state_root: SHA-256 over the UTF-8 text of one line per non-empty account,
     * {@code address ":" balance ":" nonce "\n"}, balance and nonce in plain decimal, lines sorted by the
     * address's UTF-8 bytes. The real node hashes its own storage layout, which a client cannot recompute
     * either, so only determinism matters here.
     */
    String stateRoot() {
        TreeMap<byte[], String> sorted = new TreeMap<>(Arrays::compareUnsigned);
        byAddress.forEach((address, account) -> {
            if (!account.isEmpty()) {
                sorted.put(address.getBytes(StandardCharsets.UTF_8),
                        address + ":" + account.balance() + ":" + account.nonce() + "\n");
            }
        });
        StringBuilder text = new StringBuilder(sorted.size() * 80);
        sorted.values().forEach(text::append);
        return Hex.toHexString(Hashes.sha256(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private void put(String address, Account account) {
        if (account.isEmpty()) {
            byAddress.remove(address);
        } else {
            byAddress.put(address, account);
        }
    }
}
