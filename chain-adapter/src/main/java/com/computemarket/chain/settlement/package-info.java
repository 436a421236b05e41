/**
 * Settlement on the L1: the platform wallet, sending signed transactions to a ComputeChain node and confirming
 * each by finding it in a block. Deployed in the EAR as an EJB module; the rest of chain-adapter is plain Java SE.
 */
package com.computemarket.chain.settlement;
