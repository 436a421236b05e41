package com.computemarket.chain.crypto;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * A {@link ChainKey} stored as a standard encrypted PKCS#8 PEM file ("ENCRYPTED PRIVATE KEY",
 * PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC), which {@code openssl pkey} reads as an EC key on
 * secp256k1. The BouncyCastle provider is used as an instance and never registered, so an
 * application server's provider list is left alone.
 */
public final class KeyFile {

    /** PBKDF2 iterations for new files (OWASP's 2023 figure for PBKDF2-HMAC-SHA256 is 600,000). */
    public static final int ITERATIONS = 600_000;

    private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

    private KeyFile() {
    }

    /** The PEM text of {@code key} encrypted under {@code passphrase}. */
    public static String toPem(ChainKey key, char[] passphrase, SecureRandom random) {
        return toPem(key, passphrase, random, ITERATIONS);
    }

    /** As {@link #toPem(ChainKey, char[], SecureRandom)} with a chosen PBKDF2 iteration count. */
    public static String toPem(ChainKey key, char[] passphrase, SecureRandom random, int iterations) {
        requirePassphrase(passphrase);
        try {
            OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setProvider(PROVIDER)
                    .setPRF(PKCS8Generator.PRF_HMACSHA256)
                    .setIterationCount(iterations)
                    .setRandom(random)
                    .setPassword(passphrase)
                    .build();
            PemObject pem = new PKCS8Generator(privateKeyInfo(key), encryptor).generate();
            StringWriter out = new StringWriter();
            try (PemWriter writer = new PemWriter(out)) {
                writer.writeObject(pem);
            }
            return out.toString();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot set up key encryption: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a key from PEM text; a wrong passphrase or a file that is not such a key gives {@link KeyFileException}. */
    public static ChainKey fromPem(String pem, char[] passphrase) {
        requirePassphrase(passphrase);
        Object parsed;
        try (Reader reader = new StringReader(pem); PEMParser parser = new PEMParser(reader)) {
            parsed = parser.readObject();
        } catch (IOException e) {
            throw new KeyFileException("not a PEM file: " + e.getMessage(), e);
        }
        if (!(parsed instanceof PKCS8EncryptedPrivateKeyInfo encrypted)) {
            throw new KeyFileException("expected an ENCRYPTED PRIVATE KEY PEM block, found "
                    + (parsed == null ? "none" : parsed.getClass().getSimpleName()));
        }
        PrivateKeyInfo info;
        try {
            InputDecryptorProvider decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(PROVIDER)
                    .build(passphrase);
            info = encrypted.decryptPrivateKeyInfo(decryptor);
        } catch (PKCSException | OperatorCreationException | RuntimeException e) {
            throw new KeyFileException("cannot decrypt the key: wrong passphrase or damaged file", e);
        }
        return fromPrivateKeyInfo(info);
    }

    public static void write(Path file, ChainKey key, char[] passphrase, SecureRandom random) {
        String pem = toPem(key, passphrase, random);
        try {
            Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the passphrase still protects the key
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write key file " + file, e);
        }
    }

    public static ChainKey read(Path file, char[] passphrase) {
        try {
            return fromPem(Files.readString(file, StandardCharsets.US_ASCII), passphrase);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + file, e);
        }
    }

    private static PrivateKeyInfo privateKeyInfo(ChainKey key) throws IOException {
        AlgorithmIdentifier algorithm = new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey,
                SECObjectIdentifiers.secp256k1);
        ECPrivateKey ecKey = new ECPrivateKey(256, key.scalar(), new DERBitString(key.publicKeyUncompressed()),
                null);
        return new PrivateKeyInfo(algorithm, ecKey);
    }

    private static ChainKey fromPrivateKeyInfo(PrivateKeyInfo info) {
        AlgorithmIdentifier algorithm = info.getPrivateKeyAlgorithm();
        ASN1Encodable params = algorithm.getParameters();
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm())
                || !SECObjectIdentifiers.secp256k1.equals(params)) {
            throw new KeyFileException("not a secp256k1 EC key: " + algorithm.getAlgorithm()
                    + (params == null ? "" : " " + params));
        }
        try {
            BigInteger d = ECPrivateKey.getInstance(info.parsePrivateKey()).getKey();
            return ChainKey.fromScalar(d);
        } catch (IOException | IllegalArgumentException e) {
            throw new KeyFileException("damaged EC private key: " + e.getMessage(), e);
        }
    }

    private static void requirePassphrase(char[] passphrase) {
        if (passphrase == null || passphrase.length == 0) {
            throw new IllegalArgumentException("a non-empty passphrase is required");
        }
    }
}
