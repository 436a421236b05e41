package com.computemarket.catalogue.application;

import com.computemarket.catalogue.domain.ModelId;
import com.computemarket.shared.DomainException;

/** The catalogue's refusals that more than one class makes (kept off the EJB: no static methods on a bean). */
public final class CatalogueRefusals {

    private CatalogueRefusals() {
    }

    public static DomainException notFound(ModelId id) {
        return DomainException.notFound("model-not-found", "no model " + id + " in the catalogue");
    }

    public static DomainException exists(ModelId id) {
        return DomainException.conflict("model-exists", "a model " + id + " is already in the catalogue (retired ones keep their id)");
    }
}
