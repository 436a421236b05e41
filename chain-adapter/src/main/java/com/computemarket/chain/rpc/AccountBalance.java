package com.computemarket.chain.rpc;

import java.math.BigInteger;

/** {@code GET /balance/{addr}}: confirmed balance in wei (10^-18 CPC) and confirmed nonce. */
public record AccountBalance(String address, BigInteger balance, BigInteger nonce) {
}
