/**
 * The synthetic Proof-of-Compute challenge (challenge_type {@code "synthetic"}), as specified in
 * docs/protocol/synthetic-challenge.md: the counter-based int8 generator ({@link com.computemarket.challenge.synthetic.Generator}),
 * the CPU backend ({@link com.computemarket.challenge.synthetic.CpuBackend}), the commitment
 * ({@link com.computemarket.challenge.synthetic.ResultCommitment}, a Merkle root over row hashes with the chain's tree rule),
 * the challenge chosen after the commitment ({@link com.computemarket.challenge.synthetic.Challenge}), the worker's
 * {@link com.computemarket.challenge.synthetic.Opening}s and the {@link com.computemarket.challenge.synthetic.Verifier}.
 * Pure Java, no dependencies: shared by the server, the worker connector and the load driver.
 */
package com.computemarket.challenge.synthetic;
