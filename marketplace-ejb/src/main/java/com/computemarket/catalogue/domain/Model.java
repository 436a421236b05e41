package com.computemarket.catalogue.domain;

import com.computemarket.shared.Amount;
import com.computemarket.shared.DomainException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A model the platform offers: what it is (kind, engine, file format, licence, context length, embedding dimension),
 * the files a worker needs to run it (by SHA-256, in the content-addressed store), what a customer pays for its work,
 * and whether it is still offered. Retiring keeps the row (and the files): past tasks still name it.
 */
@Entity
@Table(name = "catalogue_model")
public class Model {

    public static final int MAX_CONTEXT_LENGTH = 10_000_000;
    public static final int MAX_EMBEDDING_DIMENSION = 65_536;
    public static final String NAME_PATTERN = "[a-z0-9][a-z0-9._-]{0,39}";
    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);

    @Id
    @Column(length = ModelId.MAX_LENGTH)
    private String id;
    @Version
    private long version;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "varchar(16)")
    private ModelKind kind;
    @Column(nullable = false, length = 40)
    private String engine;
    @Column(nullable = false, length = 40)
    private String format;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "catalogue_model_file", joinColumns = @JoinColumn(name = "model_id"))
    @OrderColumn(name = "position")
    private List<ModelFile> files = new ArrayList<>();
    @Column(nullable = false, length = 100)
    private String licence;
    private int contextLength;
    private Integer embeddingDimension;
    @Column(precision = 38, scale = 0)
    private Amount pricePerThousandInputTokens;
    @Column(precision = 38, scale = 0)
    private Amount pricePerThousandOutputTokens;
    @Column(precision = 38, scale = 0)
    private Amount pricePerItem;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "varchar(16)")
    private ModelStatus status;
    @Column(nullable = false)
    private Instant addedAt;
    @Column(nullable = false, length = 255)
    private String addedBy;
    private Instant retiredAt;
    @Column(length = 255)
    private String retiredBy;

    protected Model() {
    }

    /** A new OFFERED model; every rule of {@link #requireConsistent} holds or nothing is made. */
    public Model(ModelId id, ModelKind kind, String engine, String format, List<ModelFile> files, String licence,
                 int contextLength, Integer embeddingDimension, Prices prices, String addedBy, Instant now) {
        this.id = id.value();
        this.kind = Objects.requireNonNull(kind, "kind");
        this.engine = requireName("engine", engine);
        this.format = requireName("format", format);
        requireConsistent(kind, files, contextLength, embeddingDimension);
        this.files = new ArrayList<>(files);
        if (licence == null || licence.isBlank() || licence.strip().length() > 100) {
            throw DomainException.invalid("invalid-licence", "licence is required, at most 100 characters, such as \"apache-2.0\"");
        }
        this.licence = licence.strip();
        this.contextLength = contextLength;
        this.embeddingDimension = embeddingDimension;
        prices.requireFor(kind);
        this.pricePerThousandInputTokens = prices.perThousandInputTokens().orElse(null);
        this.pricePerThousandOutputTokens = prices.perThousandOutputTokens().orElse(null);
        this.pricePerItem = prices.perItem().orElse(null);
        this.status = ModelStatus.OFFERED;
        this.addedBy = Objects.requireNonNull(addedBy, "addedBy");
        this.addedAt = Objects.requireNonNull(now, "now");
    }

    /**
     * One weights file, at most one tokenizer, and an embedding model has its tokenizer (tokenizer.json beside the
     * ONNX weights) and its embedding dimension; a text-generation model has no embedding dimension. 422 otherwise.
     */
    static void requireConsistent(ModelKind kind, List<ModelFile> files, int contextLength, Integer embeddingDimension) {
        Map<FileRole, Integer> count = new EnumMap<>(FileRole.class);
        for (ModelFile file : files) {
            count.merge(file.role(), 1, Integer::sum);
        }
        if (count.getOrDefault(FileRole.WEIGHTS, 0) != 1) {
            throw DomainException.unprocessable("invalid-files", "files must name exactly one weights file; got "
                    + count.getOrDefault(FileRole.WEIGHTS, 0));
        }
        if (count.getOrDefault(FileRole.TOKENIZER, 0) > 1) {
            throw DomainException.unprocessable("invalid-files", "files may name at most one tokenizer file");
        }
        if (kind == ModelKind.EMBEDDING && !count.containsKey(FileRole.TOKENIZER)) {
            throw DomainException.unprocessable("invalid-files", "an embedding model needs its tokenizer file (role tokenizer) beside its weights");
        }
        if (contextLength < 1 || contextLength > MAX_CONTEXT_LENGTH) {
            throw DomainException.unprocessable("invalid-context-length", "context_length must be between 1 and "
                    + MAX_CONTEXT_LENGTH + " tokens; got " + contextLength);
        }
        if (kind == ModelKind.EMBEDDING && (embeddingDimension == null || embeddingDimension < 1 || embeddingDimension > MAX_EMBEDDING_DIMENSION)) {
            throw DomainException.unprocessable("invalid-embedding-dimension", "an embedding model needs embedding_dimension between 1 and "
                    + MAX_EMBEDDING_DIMENSION + "; got " + embeddingDimension);
        }
        if (kind == ModelKind.TEXT_GENERATION && embeddingDimension != null) {
            throw DomainException.unprocessable("invalid-embedding-dimension", "a text-generation model has no embedding_dimension");
        }
    }

    private static String requireName(String field, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw DomainException.invalid("invalid-" + field, field + " is 1 to 40 characters of a-z, 0-9, '.', '_' and '-'; got \""
                    + value + "\"");
        }
        return value;
    }

    /** Takes the model off offer; its row and files stay. 409 when it already is retired (the first retirement stands). */
    public void retire(String by, Instant now) {
        if (status == ModelStatus.RETIRED) {
            throw DomainException.conflict("model-retired", "model " + id + " was already retired at " + retiredAt + " by " + retiredBy);
        }
        status = ModelStatus.RETIRED;
        retiredBy = Objects.requireNonNull(by, "by");
        retiredAt = Objects.requireNonNull(now, "now");
    }

    public boolean offered() {
        return status == ModelStatus.OFFERED;
    }

    /** The file of this model with that hash, if it has one. */
    public Optional<ModelFile> file(Sha256 sha256) {
        return files.stream().filter(f -> f.sha256().equals(sha256)).findFirst();
    }

    public ModelId id() { return new ModelId(id); }
    public ModelKind kind() { return kind; }
    public String engine() { return engine; }
    public String format() { return format; }
    public List<ModelFile> files() { return List.copyOf(files); }
    public String licence() { return licence; }
    public int contextLength() { return contextLength; }
    public Optional<Integer> embeddingDimension() { return Optional.ofNullable(embeddingDimension); }
    public Prices prices() {
        return new Prices(Optional.ofNullable(pricePerThousandInputTokens), Optional.ofNullable(pricePerThousandOutputTokens), Optional.ofNullable(pricePerItem));
    }
    public ModelStatus status() { return status; }
    public Instant addedAt() { return addedAt; }
    public String addedBy() { return addedBy; }
    public Optional<Instant> retiredAt() { return Optional.ofNullable(retiredAt); }
    public Optional<String> retiredBy() { return Optional.ofNullable(retiredBy); }
}
