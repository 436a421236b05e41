/**
 * The worker's secp256k1 key in its encrypted keystore file, and the passphrase that opens it.
 */
package com.computemarket.connector.keys;
