/**
 * The text-generation challenge (challenge_type {@code "inference"} with a GGUF text model), as specified in
 * docs/protocol/text-generation.md: per-token records with a hash chain over the prefix ({@link com.computemarket.challenge.generation.TokenRecords}),
 * result_hash as their Merkle root with the chain's tree rule, positions challenged after the commitment
 * ({@link com.computemarket.challenge.generation.TextChallenge}) and the comparison rule
 * ({@link com.computemarket.challenge.generation.TextVerifier}) over a {@link com.computemarket.challenge.generation.Replayer}
 * port that a deterministic engine implements. Pure Java, no dependencies.
 */
package com.computemarket.challenge.generation;
