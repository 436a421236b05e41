package com.computemarket.inference.generation.gguf;

/**
 * A tensor's description in a GGUF file. {@code dims} are in ggml order: {@code dims[0]} is the contiguous one
 * (a weight matrix of a linear layer has dims {in, out}: each of its {@code out} rows holds {@code in} weights).
 * {@code offset} counts from the start of the file's data section.
 */
public record GgufTensor(String name, GgmlType type, long[] dims, long offset) {

    public GgufTensor {
        dims = dims.clone();
    }

    @Override
    public long[] dims() {
        return dims.clone();
    }

    public long elements() {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }

    public long bytes() {
        return type.bytes(elements());
    }
}
