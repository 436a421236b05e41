package com.computemarket.devnet;

import java.math.BigInteger;

/** The real devnet's network parameters (computechain-vectors.json, {@code meta.network_devnet}). */
public final class DevnetParams {

    static final String CHAIN_ID = "cpc-devnet-1";
    static final String NETWORK_ID = "devnet";
    static final BigInteger MIN_GAS_PRICE = BigInteger.valueOf(1000);
    static final long BLOCK_GAS_LIMIT = 50_000_000L;
    static final int MAX_TX_PER_BLOCK = 500;
    /** The real mempool's limit of future-nonce transactions queued per sender. */
    static final int MAX_QUEUED_PER_SENDER = 64;

    /** Published devnet faucet key; its {@code cpc} address holds the genesis premine. */
    public static final String FAUCET_PRIVATE_KEY = "4f3edf982522b4e51b7e8b5f2f9c4d1d7a9e5f8c2b6d4e1a3c5b7d9e0f1a2b3c";
    static final BigInteger GENESIS_PREMINE = new BigInteger("1000000000000000000000000000");
    static final String TREASURY_ADDRESS = "cpc1treasury000000000000000000000000000000000000000000";

    private static final BigInteger CPC = BigInteger.TEN.pow(18);
    static final BigInteger BLOCK_REWARD = CPC.multiply(BigInteger.TEN);
    /** Of the block reward the proposer gets 7 CPC; the 3 CPC "miner pool" goes to nobody (burned). */
    static final BigInteger PROPOSER_REWARD = CPC.multiply(BigInteger.valueOf(7));
    /** The single validator's voting power, in wei like every amount (above 2^64 on purpose, as on the real node). */
    static final BigInteger VALIDATOR_POWER = CPC.multiply(BigInteger.valueOf(100_000));

    private DevnetParams() {
    }
}
