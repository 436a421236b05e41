package com.computemarket.inference.generation.gguf;

import java.io.BufferedOutputStream;
import java.io.DataOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A minimal GGUF v3 writer: metadata of the types a Llama model needs, then F32 / F16 / Q8_0 / Q4_0 tensors whose
 * bytes are produced one tensor at a time while writing (a 1 GB model never sits in memory at once).
 */
public final class GgufWriter {

    private static final int ALIGNMENT = GgufFile.DEFAULT_ALIGNMENT;

    private record Kv(int type, Object value, int elementType) {
    }

    private record Pending(String name, GgmlType type, long[] dims, Supplier<byte[]> data) {
    }

    private final Map<String, Kv> metadata = new LinkedHashMap<>();
    private final List<Pending> tensors = new ArrayList<>();

    public GgufWriter string(String key, String value) {
        metadata.put(key, new Kv(8, value, 0));
        return this;
    }

    public GgufWriter u32(String key, long value) {
        metadata.put(key, new Kv(4, value, 0));
        return this;
    }

    public GgufWriter f32(String key, float value) {
        metadata.put(key, new Kv(6, value, 0));
        return this;
    }

    public GgufWriter bool(String key, boolean value) {
        metadata.put(key, new Kv(7, value, 0));
        return this;
    }

    public GgufWriter strings(String key, List<String> values) {
        metadata.put(key, new Kv(9, List.copyOf(values), 8));
        return this;
    }

    public GgufWriter f32s(String key, float[] values) {
        metadata.put(key, new Kv(9, values.clone(), 6));
        return this;
    }

    public GgufWriter i32s(String key, int[] values) {
        metadata.put(key, new Kv(9, values.clone(), 5));
        return this;
    }

    /** A tensor of {@code dims} (ggml order) whose weights {@code values} supplies as floats, stored as {@code type}. */
    public GgufWriter tensor(String name, GgmlType type, long[] dims, Supplier<float[]> values) {
        tensors.add(new Pending(name, type, dims.clone(), () -> Quantize.encode(type, values.get())));
        return this;
    }

    public void write(Path file) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
             java.io.DataOutputStream out = new java.io.DataOutputStream(new BufferedOutputStream(raw, 1 << 20))) {
            Le le = new Le(out);
            le.i32(GgufFile.MAGIC);
            le.i32(3);
            le.i64(tensors.size());
            le.i64(metadata.size() + 1);
            le.string("general.alignment");
            le.i32(4);
            le.i32(ALIGNMENT);
            for (Map.Entry<String, Kv> e : metadata.entrySet()) {
                le.string(e.getKey());
                le.i32(e.getValue().type());
                writeValue(le, e.getValue());
            }
            long offset = 0;
            for (Pending t : tensors) {
                le.string(t.name());
                le.i32(t.dims().length);
                long elements = 1;
                for (long d : t.dims()) {
                    le.i64(d);
                    elements *= d;
                }
                le.i32(t.type().id);
                le.i64(offset);
                offset = align(offset + t.type().bytes(elements));
            }
            le.pad();
            for (Pending t : tensors) {
                byte[] bytes = t.data().get();
                out.write(bytes);
                le.written += bytes.length;
                le.pad();
            }
        }
    }

    private static long align(long n) {
        return (n + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    private static void writeValue(Le le, Kv kv) throws IOException {
        switch (kv.type()) {
            case 4 -> le.i32((int) (long) (Long) kv.value());
            case 6 -> le.i32(Float.floatToRawIntBits((Float) kv.value()));
            case 7 -> le.u8((Boolean) kv.value() ? 1 : 0);
            case 8 -> le.string((String) kv.value());
            case 9 -> {
                le.i32(kv.elementType());
                if (kv.value() instanceof List<?> list) {
                    le.i64(list.size());
                    for (Object s : list) {
                        le.string((String) s);
                    }
                } else if (kv.value() instanceof float[] fs) {
                    le.i64(fs.length);
                    for (float f : fs) {
                        le.i32(Float.floatToRawIntBits(f));
                    }
                } else {
                    int[] is = (int[]) kv.value();
                    le.i64(is.length);
                    for (int i : is) {
                        le.i32(i);
                    }
                }
            }
            default -> throw new IllegalStateException("metadata type " + kv.type());
        }
    }

    /** Little-endian writes that count their bytes for the alignment padding. */
    private static final class Le {
        private final DataOutput out;
        private final ByteBuffer scratch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        long written;

        Le(DataOutput out) {
            this.out = out;
        }

        void u8(int v) throws IOException {
            out.writeByte(v);
            written += 1;
        }

        void i32(int v) throws IOException {
            out.write(scratch.clear().putInt(v).array(), 0, 4);
            written += 4;
        }

        void i64(long v) throws IOException {
            out.write(scratch.clear().putLong(v).array(), 0, 8);
            written += 8;
        }

        void string(String s) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            i64(b.length);
            out.write(b);
            written += b.length;
        }

        void pad() throws IOException {
            while (written % ALIGNMENT != 0) {
                u8(0);
            }
        }
    }
}
