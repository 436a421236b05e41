/**
 * ComputeChain's cryptography: secp256k1 keys and RFC 6979 signing, verification with the node's
 * rules, bech32 addresses and encrypted PKCS#8 key files. No JCA provider is registered.
 */
package com.computemarket.chain.crypto;
