package com.computemarket.catalogue.application;

import java.nio.file.Path;
import java.util.Map;

/** An offered model's files on this server's disk, by role ("weights", "tokenizer"), and its kind ("embedding", …). */
public record LocalModel(String modelId, String kind, Map<String, Path> filesByRole) {

    public LocalModel {
        filesByRole = Map.copyOf(filesByRole);
    }

    /** The file of that role; IllegalStateException when the model has none. */
    public Path file(String role) {
        Path path = filesByRole.get(role);
        if (path == null) {
            throw new IllegalStateException("model " + modelId + " has no " + role + " file");
        }
        return path;
    }
}
