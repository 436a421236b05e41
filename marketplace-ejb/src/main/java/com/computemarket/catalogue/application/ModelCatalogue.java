package com.computemarket.catalogue.application;

import com.computemarket.catalogue.domain.FileRole;
import com.computemarket.catalogue.domain.Model;
import com.computemarket.catalogue.domain.ModelFile;
import com.computemarket.catalogue.domain.ModelId;
import com.computemarket.catalogue.domain.ModelKind;
import com.computemarket.catalogue.domain.ModelRepository;
import com.computemarket.catalogue.domain.Prices;
import com.computemarket.catalogue.domain.Sha256;
import com.computemarket.shared.Amount;
import com.computemarket.shared.Caller;
import com.computemarket.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * The models on offer: every signed-in user lists and reads them; admins register models whose files are already in
 * the store, and retire them (the row and the files stay). Each method is one transaction; a refusal changes nothing.
 * {@link #requireOffered} is for the market, {@link #requireDownload} for workers fetching files.
 */
@Stateless
public class ModelCatalogue {

    private static final Logger LOG = Logger.getLogger(ModelCatalogue.class.getName());

    @Inject ModelRepository models;
    @Inject ModelFiles files;
    @Inject Enrolments enrolments;
    @Inject Clock clock;

    public ModelCatalogue() {
    }

    /** Outside the container (unit tests). */
    public ModelCatalogue(ModelRepository models, ModelFiles files, Enrolments enrolments, Clock clock) {
        this.models = models;
        this.files = files;
        this.enrolments = enrolments;
        this.clock = clock;
    }

    /** The offered models, in id order. */
    public List<ModelDetails> offered() {
        return models.offered().stream().map(ModelDetails::of).toList();
    }

    /** One model, offered or retired; 404 model-not-found. */
    public ModelDetails show(ModelId id) {
        return ModelDetails.of(require(id));
    }

    /** The model if it exists and is offered: 404 model-not-found, 409 model-retired. For the market. */
    public ModelDetails requireOffered(ModelId id) {
        Model model = require(id);
        if (!model.offered()) {
            throw retired(model);
        }
        return ModelDetails.of(model);
    }

    /**
     * Registers a model (admin): its id is free (409 model-exists), its kind known (422 unknown-kind), its prices fit
     * the kind (422 invalid-prices), and each file it names is in the store with the size given (422 file-not-stored,
     * file-size-mismatch; each naming the field).
     */
    public ModelDetails register(Caller caller, RegisterModel request) {
        requireAdmin(caller);
        ModelId id = ModelId.of(request.id());
        ModelKind kind = ModelKind.parse(request.kind());
        Prices prices = new Prices(price("prices.per_1k_input_tokens", request.pricePerThousandInputTokens()),
                price("prices.per_1k_output_tokens", request.pricePerThousandOutputTokens()),
                price("prices.per_item", request.pricePerItem()));
        List<ModelFile> stored = new ArrayList<>();
        for (int i = 0; i < request.files().size(); i++) {
            stored.add(storedFile("files[" + i + "]", request.files().get(i)));
        }
        if (models.find(id).isPresent()) {
            throw CatalogueRefusals.exists(id);
        }
        Model model = new Model(id, kind, request.engine(), request.format(), stored, request.licence(),
                request.contextLength(), request.embeddingDimension(), prices, caller.username(), clock.instant());
        models.add(model);
        LOG.info(() -> "Model " + id + " (" + kind.wireName() + ", " + model.engine() + ") added by " + caller.username()
                + " with files " + model.files());
        return ModelDetails.of(model);
    }

    /** Takes a model off offer (admin); 404 model-not-found, 409 model-retired when it already is. */
    public ModelDetails retire(Caller caller, ModelId id) {
        requireAdmin(caller);
        Model model = models.lock(id).orElseThrow(() -> CatalogueRefusals.notFound(id));
        model.retire(caller.username(), clock.instant());
        LOG.info(() -> "Model " + id + " retired by " + caller.username());
        return ModelDetails.of(model);
    }

    /**
     * A file of an offered model that the caller may download: 404 when the model or that file of it is unknown, 403
     * worker-not-enrolled unless the caller operates an enrolled, active worker, 409 model-retired, 404 file-not-stored
     * when the store lost it.
     */
    public ModelFileDownload requireDownload(Caller caller, ModelId id, Sha256 sha256) {
        Model model = require(id);
        model.file(sha256).orElseThrow(() -> DomainException.notFound("model-file-not-found",
                "model " + id + " has no file " + sha256));
        if (!caller.has(Caller.WORKER) || !enrolments.hasActiveWorker(caller.subject())) {
            throw DomainException.forbidden("worker-not-enrolled", "only the operator of an enrolled, active worker downloads model files; "
                    + caller.username() + " has none (enrol one with POST /api/workers)");
        }
        if (!model.offered()) {
            throw retired(model);
        }
        long size = files.size(sha256).orElseThrow(() -> DomainException.notFound("file-not-stored",
                "file " + sha256 + " of model " + id + " is missing from the store; ask an operator to upload it again"));
        return new ModelFileDownload(id.value(), sha256, size);
    }

    /**
     * The local paths of an offered model's files by role ("weights", "tokenizer"), for the verifier's engines: 404
     * model-not-found, 409 model-retired, 404 file-not-stored when the store lost one.
     */
    public LocalModel localFiles(String modelId) {
        Model model = require(ModelId.of(modelId));
        if (!model.offered()) {
            throw retired(model);
        }
        Map<String, Path> byRole = new LinkedHashMap<>();
        for (ModelFile file : model.files()) {
            if (files.size(file.sha256()).isEmpty()) {
                throw DomainException.notFound("file-not-stored", "file " + file.sha256() + " of model " + modelId
                        + " is missing from the store; ask an operator to upload it again");
            }
            byRole.put(file.role().wireName(), files.path(file.sha256()));
        }
        return new LocalModel(model.id().value(), model.kind().wireName(), byRole);
    }

    private ModelFile storedFile(String field, RegisterModel.FileRef ref) {
        if (ref == null) {
            throw DomainException.unprocessable("invalid-files", field + " must not be null");
        }
        FileRole role = FileRole.parse(field + ".role", ref.role());
        Sha256 sha256;
        try {
            sha256 = Sha256.parse(ref.sha256());
        } catch (DomainException e) {
            throw DomainException.unprocessable("invalid-files", field + ".sha256: " + e.detail());
        }
        OptionalLong size = files.size(sha256);
        if (size.isEmpty()) {
            throw DomainException.unprocessable("file-not-stored", field + ".sha256 " + sha256
                    + " is not in the store; upload it first (PUT /api/admin/models/{id}/files/" + sha256 + ")");
        }
        if (ref.size() != null && ref.size() != size.getAsLong()) {
            throw DomainException.unprocessable("file-size-mismatch", field + ".size is " + ref.size()
                    + " but the stored file " + sha256 + " has " + size.getAsLong() + " bytes");
        }
        return new ModelFile(role, sha256, size.getAsLong());
    }

    /** A price as a decimal CPC string, or absent; a malformed one is a business refusal here (422 invalid-prices). */
    private static Optional<Amount> price(String field, String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Amount.parseCpc(field, text));
        } catch (DomainException e) {
            throw DomainException.unprocessable("invalid-prices", e.detail());
        }
    }

    private Model require(ModelId id) {
        return models.find(id).orElseThrow(() -> CatalogueRefusals.notFound(id));
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.has(Caller.ADMIN)) {
            throw DomainException.forbidden("admin-only", "only an admin adds or retires models");
        }
    }

    private static DomainException retired(Model model) {
        return DomainException.conflict("model-retired", "model " + model.id() + " was retired at " + model.retiredAt().orElse(null)
                + " and is no longer offered");
    }
}
