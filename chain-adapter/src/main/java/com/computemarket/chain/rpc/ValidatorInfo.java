package com.computemarket.chain.rpc;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigInteger;

/**
 * One validator from {@code /validators} or {@code /validator/{a}}. {@code power} is in wei and exceeds 2^64.
 * {@code json} keeps the node's whole object, whose other fields vary between node versions.
 */
public record ValidatorInfo(String address, String pqPubKey, BigInteger power, boolean active, String rewardAddress,
                            JsonNode json) {
}
