/**
 * Text generation on GGUF Llama-family models in pure Java (no native code), deterministic to the bit so the
 * platform's verifier can re-execute challenged token positions: {@link com.computemarket.inference.generation.TextGenerator}
 * runs jobs and replays positions; {@link com.computemarket.inference.generation.TinyModels} writes random-weight test models.
 */
package com.computemarket.inference.generation;
