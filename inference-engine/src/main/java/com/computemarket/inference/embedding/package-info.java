/**
 * The embedding engine (all-MiniLM-L6-v2 on ONNX Runtime, the model's own tokenizer.json through DJL's Rust
 * tokenizers, mean pooling and L2 normalisation) that the worker computes with and the verifier re-executes with,
 * and {@link com.computemarket.inference.embedding.BundledModels}, which seeds a content-addressed model store from
 * the langchain4j model jars. The protocol around it is worker-protocol's com.computemarket.challenge.inference.
 */
package com.computemarket.inference.embedding;
