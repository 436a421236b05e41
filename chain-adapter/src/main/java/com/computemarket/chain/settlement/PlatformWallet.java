package com.computemarket.chain.settlement;

import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.chain.crypto.KeyFile;
import com.computemarket.chain.protocol.Transaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;

/**
 * The platform's own L1 account, which pays workers out. Its key is read once from the encrypted key file named
 * by {@code cm.wallet.keystore} (passphrase {@code cm.wallet.passphrase}); it is never logged or returned.
 */
@ApplicationScoped
public class PlatformWallet {

    @Inject ChainSettings settings;

    private volatile ChainKey key;

    public String address() {
        return key().address();
    }

    public Transaction sign(Transaction unsigned) {
        return unsigned.signedBy(key());
    }

    private ChainKey key() {
        ChainKey loaded = key;
        if (loaded == null) {
            synchronized (this) {
                if (key == null) {
                    String file = settings.walletKeystore().orElseThrow(() -> new IllegalStateException(
                            "no platform wallet: set CM_WALLET_KEYSTORE to its key file"));
                    char[] passphrase = settings.walletPassphrase().orElseThrow(() -> new IllegalStateException(
                            "no platform wallet passphrase: set CM_WALLET_PASSPHRASE")).toCharArray();
                    key = KeyFile.read(Path.of(file), passphrase);
                }
                loaded = key;
            }
        }
        return loaded;
    }
}
