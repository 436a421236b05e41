package com.computemarket.inference.embedding;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NativesTest {

    @Test
    void bothNativeLibrariesLoadWithoutModelFiles() {
        String loaded = Natives.load();
        assertTrue(loaded.startsWith("ONNX Runtime 1."), loaded);
    }
}
