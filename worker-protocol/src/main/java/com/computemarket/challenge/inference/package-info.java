/**
 * The inference Proof-of-Compute for embedding jobs (challenge_type {@code "embedding"}), as specified in
 * docs/protocol/inference.md: the job ({@link com.computemarket.challenge.inference.EmbeddingJob}) and its models
 * ({@link com.computemarket.challenge.inference.EmbeddingModel}), per-item records and their Merkle root
 * ({@link com.computemarket.challenge.inference.EmbeddingCommitment}, the chain's tree rule), the items re-executed,
 * chosen after the commitment with a sample size that adapts to trust
 * ({@link com.computemarket.challenge.inference.EmbeddingChallenge}), the worker's
 * {@link com.computemarket.challenge.inference.EmbeddingOpening}s and the
 * {@link com.computemarket.challenge.inference.EmbeddingVerifier}. Pure Java: the engine that re-executes items is
 * behind {@link com.computemarket.challenge.inference.Reexecution} (inference-engine implements it).
 */
package com.computemarket.challenge.inference;
