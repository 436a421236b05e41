package com.computemarket.catalogue.application;

import com.computemarket.catalogue.domain.Sha256;

/** A file in the store: its hash and size, and whether this upload put it there (false: it was there already). */
public record StoredFile(Sha256 sha256, long size, boolean created) {
}
