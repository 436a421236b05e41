package com.computemarket.market.domain;

import java.util.List;

/** The models on offer now, as the market prices them (the catalogue's, read through its application service). */
@FunctionalInterface
public interface ModelLookup {

    List<ModelTerms> offered();

    /** For requests that need no model: nothing is offered. */
    ModelLookup NONE = List::of;
}
