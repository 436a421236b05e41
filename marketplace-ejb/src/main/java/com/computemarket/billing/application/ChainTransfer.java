package com.computemarket.billing.application;

import java.math.BigInteger;

/** A TRANSFER found in a block, as far as deposits care. */
public record ChainTransfer(String txHash, String fromAddress, String toAddress, BigInteger amount) {
}
