/**
 * A single-validator ComputeChain devnet node with the real node's RPC, rules and block format (docs/devnet-node.md),
 * for local runs and tests; built on chain-adapter's codec and crypto, and never deployed in the EAR.
 */
package com.computemarket.devnet;
