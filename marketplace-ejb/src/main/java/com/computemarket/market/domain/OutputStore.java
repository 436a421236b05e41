package com.computemarket.market.domain;

import java.util.Optional;

/** Inference outputs by the SHA-256 of their canonical bytes. */
public interface OutputStore {

    /** Stores the content under its hash unless it is there already; answers the hash. */
    String put(String canonicalJson);

    Optional<String> get(String sha256);
}
