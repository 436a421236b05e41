package com.computemarket.chain.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.computemarket.chain.crypto.Address;
import com.computemarket.chain.crypto.Addresses;
import com.computemarket.chain.crypto.Bech32;
import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.chain.crypto.Hashes;
import com.computemarket.chain.crypto.Signatures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every entry of every section of {@code computechain-vectors.json} (the node's own outputs) as a
 * named test. The file comes from {@code -Dcm.vectors=...}, else {@code ${cm.shared.dir}}, else
 * {@code ../../shared} next to the module. A section missing, empty or shaped differently fails.
 */
public class ComputeChainVectorsTest {

    private static final Set<String> SECTIONS = Set.of("meta", "keys", "address_validation", "transactions",
            "signature_determinism", "signature_verify_cases", "block_signature", "compute_results", "merkle",
            "block_roots", "block_headers", "payload_json_canonicalisation", "transaction_field_coercion",
            "fee_split_examples", "live_devnet");

    private static JsonNode vectors;
    /** Private keys by compressed public key hex and by cpc address. */
    private static final Map<String, ChainKey> KEYS = new HashMap<>();
    /** transactions[] entries by name. */
    private static final Map<String, JsonNode> TXS = new LinkedHashMap<>();

    @BeforeAll
    static void load() throws IOException {
        Path path = vectorsPath();
        assertTrue(Files.isRegularFile(path), "vectors file not found: " + path.toAbsolutePath());
        vectors = ChainJson.parse(Files.readString(path, StandardCharsets.UTF_8));
        for (JsonNode k : list("keys")) {
            ChainKey key = ChainKey.fromHex(text(k, "priv_hex"));
            KEYS.put(text(k, "pub_compressed_hex"), key);
            KEYS.put(text(k, "address_cpc"), key);
        }
        for (JsonNode t : list("transactions")) {
            TXS.put(text(t, "name"), t);
        }
    }

    /** -Dcm.vectors, else ${cm.shared.dir} (or ../../shared), else the repository's copy. */
    public static Path vectorsPath() {
        String explicit = System.getProperty("cm.vectors");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        Path shared = sharedVectors();
        // a clone without ../shared beside it (CI's clean clone) checks the copy kept in the repository
        return Files.exists(shared) ? shared : BUNDLED;
    }

    /** The repository's copy of the vectors, for clones that have no ../shared; kept equal by the test below. */
    public static final Path BUNDLED = Path.of("src", "test", "resources", "computechain-vectors.json");

    static Path sharedVectors() {
        String shared = System.getProperty("cm.shared.dir");
        Path dir = shared != null && !shared.isBlank() ? Path.of(shared) : Path.of("..", "..", "shared");
        return dir.resolve("computechain-vectors.json");
    }

    @Test
    void theRepositorysCopyEqualsTheSharedVectors() throws Exception {
        Path shared = sharedVectors();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(shared), "no ../shared beside this clone");
        assertEquals(Files.readString(shared), Files.readString(BUNDLED), "refresh " + BUNDLED + " from " + shared);
    }

    @Test
    void containsExactlyTheKnownSections() {
        Set<String> present = new TreeSet<>();
        vectors.fieldNames().forEachRemaining(present::add);
        assertEquals(new TreeSet<>(SECTIONS), present, "a section was added or removed: extend this test");
    }

    @TestFactory
    Stream<DynamicTest> meta() {
        JsonNode net = obj(obj(vectors, "meta"), "network_devnet");
        JsonNode gas = obj(net, "gas_per_type");
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(dynamicTest("gas table names = TxType", () -> {
            Set<String> names = new TreeSet<>();
            gas.fieldNames().forEachRemaining(names::add);
            Set<String> ours = new TreeSet<>();
            for (TxType t : TxType.values()) {
                ours.add(t.name());
            }
            assertEquals(ours, names);
        }));
        for (Iterator<Map.Entry<String, JsonNode>> it = gas.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            tests.add(dynamicTest("gas " + e.getKey(), () -> assertEquals(e.getValue().longValue(),
                    TxType.of(e.getKey()).orElseThrow().baseGas())));
        }
        tests.add(dynamicTest("curve order", () -> assertEquals(text(obj(vectors, "meta"), "curve_order_n_hex"),
                "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")));
        tests.add(dynamicTest("faucet key owns the faucet address", () -> assertEquals(
                text(obj(TXS.get("transfer_faucet_to_k01"), "fields"), "from_address"),
                ChainKey.fromHex(text(net, "faucet_priv_key")).address())));
        tests.add(dynamicTest("treasury pseudo-address does not decode", () ->
                assertFalse(Addresses.isValid(text(net, "treasury_address")))));
        tests.add(dynamicTest("prefixes", () -> {
            assertEquals(Addresses.HRP_ACCOUNT, text(net, "bech32_prefix_acc"));
            assertEquals(Addresses.HRP_CONSENSUS, text(net, "bech32_prefix_cons"));
            assertEquals(Addresses.HRP_OPERATOR, text(net, "bech32_prefix_val"));
        }));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> keys() {
        return named(list("keys"), k -> text(k, "name"), k -> {
            ChainKey key = ChainKey.fromHex(text(k, "priv_hex"));
            assertEquals(text(k, "priv_hex"), Hex.toHexString(key.privateKeyBytes()));
            assertEquals(text(k, "pub_compressed_hex"), key.publicKeyHex());
            assertEquals(text(k, "pub_uncompressed_hex"), Hex.toHexString(key.publicKeyUncompressed()));
            assertEquals(text(k, "sha256_pub_hex"), Hex.toHexString(Hashes.sha256(key.publicKeyCompressed())));
            byte[] h160 = Hashes.hash160(key.publicKeyCompressed());
            assertEquals(text(k, "hash160_hex"), Hex.toHexString(h160));
            byte[] words = Bech32.convertBits(h160, 8, 5, true).orElseThrow();
            JsonNode expectedWords = k.get("bech32_5bit_words");
            assertEquals(expectedWords.size(), words.length);
            for (int i = 0; i < words.length; i++) {
                assertEquals(expectedWords.get(i).intValue(), words[i], "word " + i);
            }
            assertEquals(text(k, "address_cpc"), key.address());
            assertEquals(text(k, "address_cpc"), key.address("cpc"));
            assertEquals(text(k, "address_cpcvalcons"), key.address(Addresses.HRP_CONSENSUS));
            assertEquals(text(k, "address_cpcvaloper"), key.address(Addresses.HRP_OPERATOR));
            assertEquals(text(k, "address_cpc_from_uncompressed_pub"),
                    Addresses.fromPublicKey(key.publicKeyUncompressed(), "cpc"));
            assertTrue(Addresses.matchesPublicKey(key.address(), key.publicKeyCompressed()));
            assertFalse(Addresses.matchesPublicKey(key.address(), key.publicKeyUncompressed()));
            assertFalse(key.toString().contains(text(k, "priv_hex")));
        });
    }

    @TestFactory
    Stream<DynamicTest> addressValidation() {
        return named(list("address_validation"), a -> text(a, "label"), a -> {
            String input = text(a, "input");
            JsonNode prefix = a.get("expected_prefix");
            assertNotNull(prefix, "expected_prefix key");
            String expectedPrefix = prefix.isNull() ? null : prefix.textValue();
            assertEquals(bool(a, "is_valid_address"), Addresses.isValid(input, expectedPrefix));
            JsonNode decoded = a.get("decode_address");
            if (decoded.isArray()) {
                Address address = Addresses.decode(input);
                assertEquals(decoded.get(0).textValue(), address.hrp());
                assertEquals(decoded.get(1).textValue(), address.dataHex());
            } else {
                String message = decoded.textValue();
                assertTrue(message.startsWith("ValueError: "), message);
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> Addresses.decode(input));
                assertEquals(message.substring("ValueError: ".length()), e.getMessage());
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> transactions() {
        return named(list("transactions"), t -> text(t, "name"), t -> {
            Transaction tx = Transaction.fromJson(text(t, "request_json"));
            assertEquals(text(t, "prehash_string"), tx.prehash());
            assertEquals(text(t, "prehash_utf8_hex"),
                    Hex.toHexString(tx.prehash().getBytes(StandardCharsets.UTF_8)));
            assertEquals(text(t, "tx_hash"), tx.hash());
            assertEquals(text(t, "payload_canonical_json"), CanonicalJson.write(tx.payload()));
            assertEquals(text(t, "model_dump_json"), tx.toJson());

            // the node's serialised fields describe the same transaction
            Transaction fromFields = Transaction.fromJson(obj(t, "fields"));
            assertEquals(tx.toJson(), fromFields.toJson());
            assertEquals(tx.hash(), fromFields.hash());
            // and our JSON reads back to the same hash
            assertEquals(tx.hash(), Transaction.fromJson(tx.toJson()).hash());

            ChainKey key = KEYS.get(tx.pubKey());
            assertNotNull(key, "no private key in keys[] for pub_key " + tx.pubKey());
            byte[] hash = Hex.decode(text(t, "tx_hash"));
            String rfc6979 = text(t, "signature_rfc6979_hex");
            assertEquals(rfc6979, Hex.toHexString(key.sign(hash)));
            assertEquals(rfc6979, tx.withSignature(null).withPubKey(null).signedBy(key).signature());
            BigInteger s = new BigInteger(1, Hex.decode(rfc6979.substring(64)));
            assertEquals(bool(t, "signature_rfc6979_is_low_s"),
                    s.compareTo(new BigInteger(text(obj(vectors, "meta"), "curve_order_n_hex"), 16).shiftRight(1)) <= 0);
            byte[] pub = Hex.decode(tx.pubKey());
            assertEquals(bool(t, "node_verify_rfc6979"), Signatures.verify(hash, pub, Hex.decode(rfc6979)));
            assertEquals(bool(t, "node_verify_random_k"),
                    Signatures.verify(hash, pub, Hex.decode(text(t, "signature_node_sign_random_k_hex"))));
            assertTrue(tx.signatureValid(), "the signature sent in request_json verifies");
            assertEquals(tx.txType() == null ? null : tx.txType().name(), text(obj(t, "fields"), "tx_type"));
        });
    }

    @TestFactory
    Stream<DynamicTest> signatureDeterminism() {
        JsonNode d = obj(vectors, "signature_determinism");
        String hash = text(d, "msg_hash_hex");
        String pub = TXS.values().stream().filter(t -> text(t, "tx_hash").equals(hash))
                .map(t -> text(obj(t, "fields"), "pub_key")).findFirst()
                .orElseThrow(() -> new AssertionError("no transaction with hash " + hash));
        return Stream.of(
                dynamicTest("identical flag", () -> assertEquals(bool(d, "identical"),
                        text(d, "sig_a_hex").equals(text(d, "sig_b_hex")))),
                dynamicTest("sig_a verifies", () -> assertEquals(bool(d, "both_verify"),
                        Signatures.verify(hash, pub, text(d, "sig_a_hex")))),
                dynamicTest("sig_b verifies", () -> assertEquals(bool(d, "both_verify"),
                        Signatures.verify(hash, pub, text(d, "sig_b_hex")))),
                dynamicTest("our RFC 6979 signature is reproducible", () -> {
                    ChainKey key = KEYS.get(pub);
                    assertEquals(Hex.toHexString(key.sign(Hex.decode(hash))),
                            Hex.toHexString(key.sign(Hex.decode(hash))));
                }));
    }

    @TestFactory
    Stream<DynamicTest> signatureVerifyCases() {
        return named(list("signature_verify_cases"), c -> text(c, "label"), c -> {
            byte[] sig = Hex.decode(text(c, "sig_hex"));
            assertEquals(c.get("sig_len").intValue(), sig.length);
            assertEquals(bool(c, "node_verify"), Signatures.verify(Hex.decode(text(c, "msg_hash_hex")),
                    Hex.decode(text(c, "pub_hex")), sig));
        });
    }

    @TestFactory
    Stream<DynamicTest> blockSignature() {
        JsonNode b = obj(vectors, "block_signature");
        String hash = text(b, "header_hash_hex");
        String pub = text(b, "validator_pub_hex");
        return Stream.of(
                dynamicTest("header hash is block_headers[0]", () -> assertEquals(hash,
                        BlockHeader.fromJson(obj(list("block_headers").get(0), "header")).hash())),
                dynamicTest("RFC 6979 signature byte-exact", () -> assertEquals(text(b, "sig_rfc6979_hex"),
                        Hex.toHexString(KEYS.get(pub).sign(Hex.decode(hash))))),
                dynamicTest("RFC 6979 signature verifies", () -> assertEquals(bool(b, "verify"),
                        Signatures.verify(hash, pub, text(b, "sig_rfc6979_hex")))),
                dynamicTest("random-k signature verifies", () -> assertEquals(bool(b, "verify"),
                        Signatures.verify(hash, pub, text(b, "sig_random_k_hex")))),
                dynamicTest("Block.signatureValid", () -> {
                    BlockHeader header = BlockHeader.fromJson(obj(list("block_headers").get(0), "header"));
                    Block block = new Block(header, List.of(), text(b, "sig_random_k_hex"), 1);
                    assertTrue(block.signatureValid(Hex.decode(pub)));
                    ChainKey other = ChainKey.fromScalar(BigInteger.valueOf(12345));
                    assertFalse(block.signatureValid(other.publicKeyCompressed()));
                }));
    }

    @TestFactory
    Stream<DynamicTest> computeResults() {
        return named(list("compute_results"), c -> text(c, "label"), c -> {
            JsonNode payload = obj(c, "payload");
            ComputeResult r = ComputeResult.fromPayload(payload);
            String json = r.modelDumpJson();
            assertEquals(text(c, "model_dump_json"), json);
            assertEquals(text(c, "model_dump_json_utf8_hex"), Hex.toHexString(json.getBytes(StandardCharsets.UTF_8)));
            assertEquals(text(c, "leaf_sha256_hex"), Hex.toHexString(r.leaf()));
            String signable = text(c, "signable_string");
            assertEquals(signable, new String(r.signableBytes(), StandardCharsets.UTF_8));
            assertEquals(text(c, "signable_utf8_hex"), Hex.toHexString(r.signableBytes()));
            assertEquals(text(c, "signable_sha256_hex"), Hex.toHexString(Hashes.sha256(r.signableBytes())));
            // the payload form reads back to the same leaf
            assertEquals(text(c, "leaf_sha256_hex"), Hex.toHexString(ComputeResult.fromPayload(r.toPayload()).leaf()));
            // where the worker key is known, the payload signature is RFC 6979 over sha256(signable). The
            // "42" and 5.0 nonce vectors reuse the signature made for nonce 0, so it matches that one instead.
            ChainKey worker = KEYS.get(r.workerAddress());
            if (worker != null && r.signature().length() == 128) {
                ComputeResult nonceZero = new ComputeResult(r.taskId(), r.workerAddress(), r.resultHash(), r.proof(),
                        BigInteger.ZERO, r.signature());
                ComputeResult signed = r.workerSignatureValid(worker.publicKeyCompressed()) ? r : nonceZero;
                assertEquals(r.signature(), signed.signedBy(worker).signature());
                assertTrue(signed.workerSignatureValid(worker.publicKeyCompressed()));
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> merkle() {
        JsonNode cases = obj(vectors, "merkle").get("cases");
        return named(nonEmpty(cases, "merkle.cases"), c -> "n=" + c.get("n").intValue(), c -> {
            int n = c.get("n").intValue();
            List<byte[]> leaves = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                leaves.add(Hashes.sha256(new byte[] {(byte) i}));
            }
            assertEquals(hexList(c.get("leaves_hex")), hex(leaves));
            assertLevels(c.get("levels"), Merkle.levels(leaves));
            assertEquals(text(c, "root_hex"), Hex.toHexString(Merkle.root(leaves)));
        });
    }

    @TestFactory
    Stream<DynamicTest> blockRoots() {
        return named(list("block_roots"), b -> text(b, "name"), b -> {
            List<Transaction> txs = new ArrayList<>();
            for (JsonNode name : b.get("tx_names")) {
                JsonNode t = TXS.get(name.textValue());
                assertNotNull(t, "unknown tx name " + name);
                txs.add(Transaction.fromJson(text(t, "request_json")));
            }
            List<String> types = new ArrayList<>();
            List<String> hashes = new ArrayList<>();
            for (Transaction tx : txs) {
                types.add(tx.rawTxType());
                hashes.add(tx.hash());
            }
            assertEquals(hexList(b.get("tx_types")), types);
            assertEquals(hexList(b.get("tx_hashes")), hashes);
            List<byte[]> leaves = Merkle.computeLeaves(txs);
            assertEquals(hexList(b.get("compute_leaves_hex")), hex(leaves));
            assertLevels(b.get("compute_levels"), Merkle.levels(leaves));
            assertEquals(text(b, "compute_root"), Merkle.computeRoot(txs));
            assertEquals(text(b, "tx_root"), Merkle.txRoot(txs));
        });
    }

    @TestFactory
    Stream<DynamicTest> blockHeaders() {
        return named(list("block_headers"), h -> text(h, "label"), h -> {
            BlockHeader header = BlockHeader.fromJson(obj(h, "header"));
            assertEquals(text(h, "prehash_string"), header.prehash());
            assertEquals(text(h, "hash"), header.hash());
            assertEquals(text(h, "model_dump_json"), header.toJson());
            assertEquals(header, BlockHeader.fromJson(header.toJson()));
        });
    }

    @TestFactory
    Stream<DynamicTest> payloadJsonCanonicalisation() {
        JsonNode section = obj(vectors, "payload_json_canonicalisation");
        assertNotNull(section.get("rule"));
        return named(nonEmpty(section.get("cases"), "payload_json_canonicalisation.cases"),
                c -> text(c, "client_json_text"), c -> {
                    JsonNode parsed = ChainJson.parse(text(c, "client_json_text"));
                    assertEquals(text(c, "python_type"), pythonType(parsed));
                    assertEquals(text(c, "canonical"), CanonicalJson.write(parsed));
                });
    }

    @TestFactory
    Stream<DynamicTest> transactionFieldCoercion() throws IOException {
        JsonNode section = obj(vectors, "transaction_field_coercion");
        String baseRef = text(section, "base_transaction");
        assertTrue(baseRef.startsWith("transactions[") && baseRef.endsWith("]"), baseRef);
        JsonNode base = TXS.get(baseRef.substring("transactions[".length(), baseRef.length() - 1));
        assertNotNull(base, baseRef);
        String baseHash = text(base, "tx_hash");
        return named(nonEmpty(section.get("cases"), "transaction_field_coercion.cases"), c -> text(c, "label"), c -> {
            ObjectNode body = (ObjectNode) ChainJson.parse(text(base, "request_json"));
            obj(c, "input_patch").fields().forEachRemaining(e -> body.set(e.getKey(), e.getValue()));
            String request = ChainJson.mapper().writeValueAsString(body);
            if (!bool(c, "accepted")) {
                TransactionFormatException e = assertThrows(TransactionFormatException.class,
                        () -> Transaction.fromJson(request));
                assertFalse(e.errors().isEmpty());
                return;
            }
            Transaction tx = Transaction.fromJson(request);
            obj(c, "parsed").fields().forEachRemaining(e -> assertEquals(
                    e.getValue().isNull() ? null : e.getValue().isTextual() ? e.getValue().textValue()
                            : e.getValue().bigIntegerValue(),
                    fieldValue(tx, e.getKey()), e.getKey()));
            assertEquals(text(c, "tx_hash"), tx.hash());
            assertEquals(bool(c, "same_hash_as_unpatched"), baseHash.equals(tx.hash()));
        });
    }

    @TestFactory
    Stream<DynamicTest> feeSplitExamples() {
        JsonNode section = obj(vectors, "fee_split_examples");
        assertNotNull(section.get("note"));
        return named(nonEmpty(section.get("cases"), "fee_split_examples.cases"), c -> text(c, "fees_total"), c -> {
            FeeSplit split = FeeSplit.of(new BigInteger(text(c, "fees_total")));
            assertEquals(new BigInteger(text(c, "validator_share")), split.validatorShare());
            assertEquals(new BigInteger(text(c, "treasury")), split.treasury());
            assertEquals(new BigInteger(text(c, "dust")), split.dust());
        });
    }

    @TestFactory
    Stream<DynamicTest> liveDevnetTxSendHashCrosscheck() {
        JsonNode live = obj(vectors, "live_devnet");
        return named(nonEmpty(live.get("tx_send_hash_crosscheck"), "tx_send_hash_crosscheck"),
                c -> text(c, "name"), c -> {
                    JsonNode t = TXS.get(text(c, "name"));
                    assertNotNull(t, "unknown tx " + text(c, "name"));
                    assertEquals(200, c.get("http_status").intValue());
                    assertTrue(bool(c, "node_hash_equals_vector"));
                    String nodeHash = text(obj(c, "response"), "tx_hash");
                    assertEquals(nodeHash, Transaction.fromJson(text(t, "request_json")).hash());
                    assertEquals(nodeHash, text(t, "tx_hash"));
                });
    }

    @TestFactory
    Stream<DynamicTest> liveDevnetRealBlocks() {
        JsonNode live = obj(vectors, "live_devnet");
        byte[] validatorPub = Hex.decode(text(live, "validator_pub_hex"));
        List<JsonNode> blocks = nonEmpty(live.get("real_blocks"), "real_blocks");
        List<DynamicTest> tests = new ArrayList<>(named(blocks, b -> "height " + b.get("height").longValue(), b -> {
            String rpc = text(b, "rpc_response_text");
            JsonNode re = obj(b, "recomputed");
            Block block = Block.fromJson(rpc);
            assertEquals(b.get("height").longValue(), block.header().height());
            assertEquals(text(re, "header_prehash"), block.header().prehash());
            assertEquals(text(re, "header_hash"), block.hash());
            List<String> hashes = new ArrayList<>();
            for (Transaction tx : block.txs()) {
                hashes.add(tx.hash());
            }
            assertEquals(hexList(re.get("tx_hashes")), hashes);
            assertEquals(text(re, "tx_root"), Merkle.txRoot(block.txs()));
            assertEquals(bool(b, "header_tx_root_matches"), block.header().txRoot().equals(text(re, "tx_root")));
            assertEquals(hexList(re.get("compute_leaves_hex")), hex(Merkle.computeLeaves(block.txs())));
            assertEquals(text(re, "compute_root"), Merkle.computeRoot(block.txs()));
            assertEquals(bool(b, "header_compute_root_matches"),
                    block.header().computeRoot().equals(text(re, "compute_root")));
            assertTrue(block.rootsMatch());
            assertEquals(bool(re, "pq_signature_verifies"), block.signatureValid(validatorPub));
            assertEquals(1, block.pqSigSchemeId());
            assertEquals(bool(re, "all_tx_signatures_verify"), block.txs().stream().allMatch(Transaction::signatureValid));
            assertEquals(Addresses.fromPublicKey(validatorPub, Addresses.HRP_CONSENSUS),
                    block.header().proposerAddress());
            assertEquals(rpc, block.toJson(), "our JSON of the block equals the node's answer");
        }).toList());
        tests.add(dynamicTest("blocks chain by prev_hash", () -> {
            for (int i = 1; i < blocks.size(); i++) {
                Block prev = Block.fromJson(text(blocks.get(i - 1), "rpc_response_text"));
                Block next = Block.fromJson(text(blocks.get(i), "rpc_response_text"));
                assertEquals(prev.hash(), next.header().prevHash());
            }
        }));
        return tests.stream();
    }

    // ---- helpers

    @FunctionalInterface
    interface Check {
        void run(JsonNode entry) throws Exception;
    }

    private static Stream<DynamicTest> named(List<JsonNode> entries, Function<JsonNode, String> name, Check check) {
        assertFalse(entries.isEmpty(), "section has no entries");
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String display = "[" + i + "] " + abbreviate(name.apply(entry));
            tests.add(dynamicTest(display, () -> check.run(entry)));
        }
        return tests.stream();
    }

    private static List<JsonNode> list(String section) {
        return nonEmpty(vectors.get(section), section);
    }

    private static List<JsonNode> nonEmpty(JsonNode array, String what) {
        if (array == null || !array.isArray() || array.isEmpty()) {
            fail(what + " must be a non-empty array, got " + (array == null ? "nothing" : array.getNodeType()));
        }
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static JsonNode obj(JsonNode parent, String field) {
        JsonNode v = parent.get(field);
        if (v == null || !v.isObject()) {
            fail(field + " must be an object");
        }
        return v;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            fail(field + " must be a string in " + abbreviate(node.toString()));
        }
        return v.textValue();
    }

    private static boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isBoolean()) {
            fail(field + " must be a boolean");
        }
        return v.booleanValue();
    }

    private static List<String> hexList(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.textValue()));
        return out;
    }

    private static void assertLevels(JsonNode expected, List<List<byte[]>> levels) {
        assertEquals(expected.size(), levels.size(), "number of levels");
        for (int i = 0; i < levels.size(); i++) {
            assertEquals(hexList(expected.get(i)), hex(levels.get(i)), "level " + i);
        }
    }

    private static List<String> hex(List<byte[]> values) {
        return values.stream().map(Hex::toHexString).toList();
    }

    private static Object fieldValue(Transaction tx, String field) {
        return switch (field) {
            case "amount" -> tx.amount();
            case "fee" -> tx.fee();
            case "nonce" -> tx.nonce();
            case "gas_price" -> tx.gasPrice();
            case "gas_limit" -> tx.gasLimit();
            case "to_address" -> tx.toAddress();
            case "from_address" -> tx.fromAddress();
            case "pub_key" -> tx.pubKey();
            case "signature" -> tx.signature();
            case "tx_type" -> tx.rawTxType();
            default -> throw new AssertionError("unknown field in vectors: " + field);
        };
    }

    private static String pythonType(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "dict";
            case ARRAY -> "list";
            case STRING -> "str";
            case BOOLEAN -> "bool";
            case NULL -> "NoneType";
            case NUMBER -> node.isIntegralNumber() ? "int" : "float";
            default -> "unknown " + node.getNodeType();
        };
    }

    private static String abbreviate(String s) {
        String oneLine = s.replace("\n", "\\n");
        return oneLine.length() > 80 ? oneLine.substring(0, 80) + "…" : oneLine;
    }
}
