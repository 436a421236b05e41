package com.computemarket.devnet;

import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.chain.crypto.KeyFileException;
import com.computemarket.chain.crypto.KeyFileTool;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes the devnet faucet's published key as a wallet key file (for local runs and tests only: on a devnet its
 * address holds the genesis premine), encrypted with {@code CM_WALLET_PASSPHRASE} like {@link KeyFileTool}'s keys:
 * <pre>
 *   java -cp devnet-node-&lt;version&gt;-all.jar com.computemarket.devnet.FaucetKeyFile FILE
 * </pre>
 * Prints the faucet's address; exits with status 2 when FILE exists or cannot be written.
 */
public final class FaucetKeyFile {

    private FaucetKeyFile() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            fail("usage: FaucetKeyFile FILE");
        }
        try {
            System.out.println(KeyFileTool.write(Path.of(args[0]), ChainKey.fromHex(DevnetParams.FAUCET_PRIVATE_KEY)));
        } catch (KeyFileException | UncheckedIOException e) {
            fail(args[0] + ": " + e.getMessage());
        }
    }

    private static void fail(String message) {
        System.err.println("error: " + message);
        System.exit(2);
    }
}
