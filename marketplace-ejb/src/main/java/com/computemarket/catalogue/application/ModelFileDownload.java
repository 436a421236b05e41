package com.computemarket.catalogue.application;

import com.computemarket.catalogue.domain.Sha256;

/** A stored file of an offered model that the caller may download: its hash (also its ETag) and size. */
public record ModelFileDownload(String modelId, Sha256 sha256, long size) {
}
