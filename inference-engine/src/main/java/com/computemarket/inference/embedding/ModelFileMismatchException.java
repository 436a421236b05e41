package com.computemarket.inference.embedding;

/** A model file's SHA-256 is not the one its model_id names: the engine refuses to run other weights. */
public class ModelFileMismatchException extends IllegalArgumentException {
    public ModelFileMismatchException(String message) {
        super(message);
    }
}
