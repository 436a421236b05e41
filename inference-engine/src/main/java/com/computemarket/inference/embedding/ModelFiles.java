package com.computemarket.inference.embedding;

import java.nio.file.Path;

/** Where one model's ONNX file and tokenizer.json lie (in a content-addressed store: named by their SHA-256). */
public record ModelFiles(Path onnx, Path tokenizer) {
}
