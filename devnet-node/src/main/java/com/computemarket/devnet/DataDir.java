package com.computemarket.devnet;

import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.chain.protocol.ChainJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The files a devnet keeps: {@code validator.key} (the block signing key, hex, owner-only), {@code genesis.json}
 * (allocations fixed on the first start) and {@code blocks.jsonl} (the {@link BlockLog}).
 */
final class DataDir {

    private static final Logger LOG = Logger.getLogger(DataDir.class.getName());

    private final Path dir;

    DataDir(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data dir " + this.dir, e);
        }
    }

    Path path() {
        return dir;
    }

    Path blockLog() {
        return dir.resolve("blocks.jsonl");
    }

    /**
     * The validator key, generated on the first start. It is a devnet key in plain hex (no passphrase), so that
     * the node starts unattended; the file is readable by its owner only.
     */
    ChainKey validatorKey() {
        Path file = dir.resolve("validator.key");
        try {
            if (Files.exists(file)) return ChainKey.fromHex(Files.readString(file, StandardCharsets.US_ASCII).strip());
            ChainKey key = ChainKey.generate(new SecureRandom());
            writeAtomically(file, org.bouncycastle.util.encoders.Hex.toHexString(key.privateKeyBytes()) + "\n", true);
            LOG.info(() -> "generated validator key " + key.address("cpcvalcons") + " in " + file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write validator key " + file, e);
        }
    }

    /**
     * The genesis allocations: written on the first start from {@code requested}, read back afterwards (a chain's
     * genesis cannot change; differing {@code --fund} flags on a later start are ignored with a warning).
     */
    Map<String, BigInteger> genesisAllocations(Map<String, BigInteger> requested) {
        Path file = dir.resolve("genesis.json");
        try {
            if (Files.exists(file)) {
                Map<String, BigInteger> stored = readAllocations(ChainJson.parse(Files.readString(file)));
                if (!requested.isEmpty() && !stored.equals(requested)) {
                    LOG.warning(() -> "genesis already fixed in " + file + "; ignoring the --fund allocations given now");
                }
                return stored;
            }
            ObjectNode json = ChainJson.mapper().createObjectNode();
            json.put("chain_id", DevnetParams.CHAIN_ID);
            ObjectNode alloc = json.putObject("alloc");
            requested.forEach((address, wei) -> alloc.put(address, wei.toString()));
            writeAtomically(file, ChainJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n", false);
            return new LinkedHashMap<>(requested);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write genesis " + file, e);
        }
    }

    private static Map<String, BigInteger> readAllocations(JsonNode json) {
        Map<String, BigInteger> alloc = new LinkedHashMap<>();
        json.path("alloc").properties().forEach(e -> alloc.put(e.getKey(), new BigInteger(e.getValue().asText())));
        return alloc;
    }

    private void writeAtomically(Path file, String text, boolean ownerOnly) throws IOException {
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        if (ownerOnly) {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                LOG.fine("no POSIX permissions on this file system");
            }
        }
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
