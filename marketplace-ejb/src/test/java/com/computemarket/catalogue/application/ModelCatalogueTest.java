package com.computemarket.catalogue.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.catalogue.domain.Model;
import com.computemarket.catalogue.domain.ModelId;
import com.computemarket.catalogue.domain.ModelRepository;
import com.computemarket.catalogue.domain.ModelStatus;
import com.computemarket.catalogue.domain.Sha256;
import com.computemarket.shared.Caller;
import com.computemarket.shared.DomainException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ModelCatalogueTest {

    static final Caller ADMIN = caller("admin-sub", Caller.ADMIN);
    static final Caller CUSTOMER = caller("customer-sub", Caller.CUSTOMER);
    static final Caller OPERATOR = caller("operator-sub", Caller.WORKER);
    static final Caller OTHER_OPERATOR = caller("operator2-sub", Caller.WORKER);
    static final String WEIGHTS = "a".repeat(64);
    static final String TOKENIZER = "b".repeat(64);

    final Models models = new Models();
    final Files files = new Files();
    final Set<String> enrolled = new HashSet<>(Set.of("operator-sub"));
    final ModelCatalogue catalogue = new ModelCatalogue(models, files, enrolled::contains,
            Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));

    ModelCatalogueTest() {
        files.stored.put(WEIGHTS, 1000L);
        files.stored.put(TOKENIZER, 20L);
    }

    static Caller caller(String subject, String... roles) {
        return new Caller(subject, subject.replace("-sub", ""), Set.of(roles), Optional.empty());
    }

    static RegisterModel embedding(String id, List<RegisterModel.FileRef> files, String perThousandInput) {
        return new RegisterModel(id, "embedding", "onnxruntime", "onnx", files, "apache-2.0", 256, 384, perThousandInput, null, null);
    }

    static List<RegisterModel.FileRef> bothFiles() {
        return List.of(new RegisterModel.FileRef("weights", WEIGHTS, 1000L), new RegisterModel.FileRef("tokenizer", TOKENIZER.toUpperCase(), null));
    }

    @Test
    void anAdminRegistersAModelWhoseFilesAreStoredAndEveryoneSeesItOffered() {
        ModelDetails added = catalogue.register(ADMIN, embedding("all-minilm-l6-v2", bothFiles(), "0.0001"));

        assertEquals("embedding", added.kind());
        assertEquals("offered", added.status());
        assertEquals("admin", added.addedBy());
        assertEquals(20L, added.files().get(1).size(), "the size comes from the store");
        assertEquals(TOKENIZER, added.files().get(1).sha256());
        assertEquals("0.0001", added.pricePerThousandInputTokens().orElseThrow().toCpc());
        assertEquals(List.of("all-minilm-l6-v2"), catalogue.offered().stream().map(ModelDetails::id).toList());
        assertEquals(added, catalogue.requireOffered(ModelId.of("all-minilm-l6-v2")));
    }

    @Test
    void aFileNotInTheStoreIsRefusedNamingTheField() {
        List<RegisterModel.FileRef> refs = List.of(new RegisterModel.FileRef("weights", WEIGHTS, null),
                new RegisterModel.FileRef("tokenizer", "c".repeat(64), null));

        DomainException refused = refused(() -> catalogue.register(ADMIN, embedding("m", refs, "0.0001")));

        assertEquals(422, refused.status());
        assertEquals("file-not-stored", refused.type());
        assertTrue(refused.detail().startsWith("files[1].sha256 " + "c".repeat(64)), refused.detail());
        assertEquals(List.of(), catalogue.offered());
    }

    @Test
    void aSizeThatDiffersFromTheStoredFileIsRefused() {
        List<RegisterModel.FileRef> refs = List.of(new RegisterModel.FileRef("weights", WEIGHTS, 999L),
                new RegisterModel.FileRef("tokenizer", TOKENIZER, null));
        DomainException refused = refused(() -> catalogue.register(ADMIN, embedding("m", refs, "0.0001")));
        assertEquals("file-size-mismatch", refused.type());
        assertTrue(refused.detail().contains("files[0].size"), refused.detail());
    }

    @Test
    void unknownKindsBadPricesAndTakenIdsAreRefused() {
        RegisterModel unknownKind = new RegisterModel("m", "classification", "onnxruntime", "onnx", bothFiles(), "mit", 256, 384,
                "0.1", null, null);
        assertEquals("unknown-kind", refused(() -> catalogue.register(ADMIN, unknownKind)).type());

        DomainException price = refused(() -> catalogue.register(ADMIN, embedding("m", bothFiles(), "ten")));
        assertEquals(422, price.status());
        assertEquals("invalid-prices", price.type());
        assertTrue(price.detail().startsWith("prices.per_1k_input_tokens"), price.detail());
        assertEquals("invalid-prices", refused(() -> catalogue.register(ADMIN, embedding("m", bothFiles(), "-1"))).type());

        catalogue.register(ADMIN, embedding("m", bothFiles(), "0.1"));
        DomainException taken = refused(() -> catalogue.register(ADMIN, embedding("m", bothFiles(), "0.2")));
        assertEquals(409, taken.status());
        assertEquals("model-exists", taken.type());
    }

    @Test
    void onlyAdminsRegisterAndRetire() {
        assertEquals(403, refused(() -> catalogue.register(CUSTOMER, embedding("m", bothFiles(), "0.1"))).status());
        catalogue.register(ADMIN, embedding("m", bothFiles(), "0.1"));
        assertEquals(403, refused(() -> catalogue.retire(OPERATOR, ModelId.of("m"))).status());
    }

    @Test
    void aRetiredModelLeavesTheOfferedListButStaysReadableAndItsFilesStay() {
        catalogue.register(ADMIN, embedding("m", bothFiles(), "0.1"));

        ModelDetails retired = catalogue.retire(ADMIN, ModelId.of("m"));

        assertEquals("retired", retired.status());
        assertEquals(Optional.of("admin"), retired.retiredBy());
        assertEquals(List.of(), catalogue.offered());
        assertEquals("retired", catalogue.show(ModelId.of("m")).status());
        assertEquals("model-retired", refused(() -> catalogue.requireOffered(ModelId.of("m"))).type());
        assertEquals("model-retired", refused(() -> catalogue.retire(ADMIN, ModelId.of("m"))).type());
        assertEquals("model-not-found", refused(() -> catalogue.retire(ADMIN, ModelId.of("none"))).type());
        assertEquals(2, files.stored.size());
    }

    @Test
    void onlyTheOperatorOfAnEnrolledWorkerDownloadsAFileOfAnOfferedModel() {
        catalogue.register(ADMIN, embedding("m", bothFiles(), "0.1"));
        ModelId m = ModelId.of("m");

        ModelFileDownload download = catalogue.requireDownload(OPERATOR, m, new Sha256(WEIGHTS));
        assertEquals(1000L, download.size());

        assertEquals("worker-not-enrolled", refused(() -> catalogue.requireDownload(OTHER_OPERATOR, m, new Sha256(WEIGHTS))).type());
        assertEquals(403, refused(() -> catalogue.requireDownload(caller("operator-sub", Caller.CUSTOMER), m, new Sha256(WEIGHTS))).status());
        assertEquals("model-file-not-found", refused(() -> catalogue.requireDownload(OPERATOR, m, new Sha256("c".repeat(64)))).type());
        assertEquals("model-not-found", refused(() -> catalogue.requireDownload(OPERATOR, ModelId.of("x"), new Sha256(WEIGHTS))).type());
        catalogue.retire(ADMIN, m);
        assertEquals("model-retired", refused(() -> catalogue.requireDownload(OPERATOR, m, new Sha256(WEIGHTS))).type());
    }

    static DomainException refused(Runnable action) {
        return assertThrows(DomainException.class, action::run);
    }

    static final class Models implements ModelRepository {
        final Map<String, Model> byId = new TreeMap<>();

        @Override
        public void add(Model model) {
            if (byId.putIfAbsent(model.id().value(), model) != null) {
                throw CatalogueRefusals.exists(model.id());
            }
        }

        @Override
        public Optional<Model> find(ModelId id) {
            return Optional.ofNullable(byId.get(id.value()));
        }

        @Override
        public Optional<Model> lock(ModelId id) {
            return find(id);
        }

        @Override
        public List<Model> offered() {
            return byId.values().stream().filter(m -> m.status() == ModelStatus.OFFERED)
                    .sorted(Comparator.comparing(m -> m.id().value())).toList();
        }
    }

    static final class Files implements ModelFiles {
        final Map<String, Long> stored = new HashMap<>();

        @Override
        public OptionalLong size(Sha256 sha256) {
            Long size = stored.get(sha256.hex());
            return size == null ? OptionalLong.empty() : OptionalLong.of(size);
        }

        @Override
        public StoredFile store(Sha256 declared, InputStream content, OptionalLong declaredLength) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InputStream open(Sha256 sha256, long offset) {
            return new ByteArrayInputStream(new byte[0]);
        }

        @Override
        public java.nio.file.Path path(Sha256 sha256) {
            return java.nio.file.Path.of("store", sha256.hex());
        }

        @Override
        public long maxBytes() {
            return Long.MAX_VALUE;
        }
    }
}
