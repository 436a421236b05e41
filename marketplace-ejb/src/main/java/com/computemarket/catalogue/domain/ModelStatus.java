package com.computemarket.catalogue.domain;

/** OFFERED models can be ordered and downloaded; RETIRED ones keep their row and files but are no longer offered. */
public enum ModelStatus {
    OFFERED, RETIRED
}
