/**
 * ComputeChain's wire formats, byte for byte as the Python node produces them: transactions and their
 * hash, payload canonical JSON, compute results, Merkle roots, block headers and blocks.
 * Pinned by {@code computechain-vectors.json} (see ComputeChainVectorsTest).
 */
package com.computemarket.chain.protocol;
