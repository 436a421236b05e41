package com.computemarket.catalogue.domain;

import java.util.List;
import java.util.Optional;

/** Models by id; the offered ones in id order. */
public interface ModelRepository {
    /** Adds a new model; one whose id is taken is refused with 409 model-exists. */
    void add(Model model);
    Optional<Model> find(ModelId id);
    /** Locks the row (PESSIMISTIC_WRITE) so that two retirements serialise. */
    Optional<Model> lock(ModelId id);
    List<Model> offered();
}
