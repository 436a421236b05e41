package com.computemarket.inference.generation.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GGUF file (versions 2 and 3, little-endian): its metadata, its tensor descriptions and their data, memory-mapped
 * read-only one tensor at a time (so no tensor, not the file, is limited to 2 GiB). Metadata values are Java values:
 * integers of every width as {@code Long} (unsigned 64-bit ones as their bit pattern), floats as {@code Double}
 * ({@code float32} widened exactly), {@code Boolean}, {@code String}, and arrays as {@code List} of those.
 */
public final class GgufFile implements AutoCloseable {

    public static final int MAGIC = 0x46554747; // "GGUF" read little-endian
    public static final int DEFAULT_ALIGNMENT = 32;

    private final Path path;
    private final FileChannel channel;
    private final int version;
    private final Map<String, Object> metadata;
    private final Map<String, GgufTensor> tensors;
    private final long dataStart;

    private GgufFile(Path path, FileChannel channel, int version, Map<String, Object> metadata,
                     Map<String, GgufTensor> tensors, long dataStart) {
        this.path = path;
        this.channel = channel;
        this.version = version;
        this.metadata = metadata;
        this.tensors = tensors;
        this.dataStart = dataStart;
    }

    public static GgufFile open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            Reader in = new Reader(channel);
            int magic = in.i32();
            if (magic != MAGIC) {
                throw new IOException(path + " is not a GGUF file (magic " + Integer.toHexString(magic) + ")");
            }
            int version = in.i32();
            if (version != 2 && version != 3) {
                throw new IOException(path + ": GGUF version " + version + " is not supported (2 and 3 are)");
            }
            long tensorCount = in.i64();
            long kvCount = in.i64();
            Map<String, Object> metadata = new LinkedHashMap<>();
            for (long i = 0; i < kvCount; i++) {
                String key = in.string();
                metadata.put(key, in.value(in.i32()));
            }
            Map<String, GgufTensor> tensors = new LinkedHashMap<>();
            for (long i = 0; i < tensorCount; i++) {
                String name = in.string();
                int nDims = in.i32();
                long[] dims = new long[nDims];
                for (int d = 0; d < nDims; d++) {
                    dims[d] = in.i64();
                }
                GgmlType type = GgmlType.of(in.i32());
                tensors.put(name, new GgufTensor(name, type, dims, in.i64()));
            }
            long alignment = metadata.get("general.alignment") instanceof Long a ? a : DEFAULT_ALIGNMENT;
            long dataStart = (in.position() + alignment - 1) / alignment * alignment;
            for (GgufTensor t : tensors.values()) {
                if (t.offset() % alignment != 0 || dataStart + t.offset() + t.bytes() > channel.size()) {
                    throw new IOException(path + ": tensor " + t.name() + " is misaligned or runs past the end of the file");
                }
            }
            return new GgufFile(path, channel, version, Collections.unmodifiableMap(metadata),
                    Collections.unmodifiableMap(tensors), dataStart);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    public int version() {
        return version;
    }

    public Map<String, Object> metadata() {
        return metadata;
    }

    public Map<String, GgufTensor> tensors() {
        return tensors;
    }

    public GgufTensor tensor(String name) {
        GgufTensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException(path.getFileName() + " has no tensor " + name);
        }
        return t;
    }

    /** The tensor's bytes, mapped read-only, little-endian, position 0. */
    public ByteBuffer data(GgufTensor tensor) throws IOException {
        return channel.map(FileChannel.MapMode.READ_ONLY, dataStart + tensor.offset(), tensor.bytes())
                .order(ByteOrder.LITTLE_ENDIAN);
    }

    public String string(String key) {
        return (String) required(key);
    }

    public long integer(String key) {
        return (Long) required(key);
    }

    public long integer(String key, long fallback) {
        return metadata.get(key) instanceof Long v ? v : fallback;
    }

    public double real(String key, double fallback) {
        Object v = metadata.get(key);
        return v instanceof Double d ? d : v instanceof Long l ? l : fallback;
    }

    @SuppressWarnings("unchecked")
    public <T> List<T> array(String key) {
        return (List<T>) required(key);
    }

    private Object required(String key) {
        Object v = metadata.get(key);
        if (v == null) {
            throw new IllegalArgumentException(path.getFileName() + " has no metadata key " + key);
        }
        return v;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Buffered sequential reads of the header. */
    private static final class Reader {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        private long consumed;

        Reader(FileChannel channel) {
            this.channel = channel;
            buffer.limit(0);
        }

        long position() {
            return consumed;
        }

        private void need(int n) throws IOException {
            if (buffer.remaining() >= n) {
                return;
            }
            buffer.compact();
            while (buffer.position() < n) {
                if (channel.read(buffer) < 0) {
                    throw new IOException("GGUF header ends early");
                }
            }
            buffer.flip();
        }

        int i32() throws IOException {
            need(4);
            consumed += 4;
            return buffer.getInt();
        }

        long i64() throws IOException {
            need(8);
            consumed += 8;
            return buffer.getLong();
        }

        String string() throws IOException {
            long length = i64();
            if (length < 0 || length > Integer.MAX_VALUE) {
                throw new IOException("GGUF string of " + length + " bytes");
            }
            byte[] bytes = new byte[(int) length];
            int done = 0;
            while (done < bytes.length) {
                need(1);
                int n = Math.min(buffer.remaining(), bytes.length - done);
                buffer.get(bytes, done, n);
                done += n;
            }
            consumed += length;
            return new String(bytes, StandardCharsets.UTF_8);
        }

        Object value(int type) throws IOException {
            switch (type) {
                case 0, 1 -> {
                    need(1);
                    consumed += 1;
                    byte b = buffer.get();
                    return type == 0 ? (long) (b & 0xFF) : (long) b;
                }
                case 2, 3 -> {
                    need(2);
                    consumed += 2;
                    short s = buffer.getShort();
                    return type == 2 ? (long) (s & 0xFFFF) : (long) s;
                }
                case 4 -> {
                    return i32() & 0xFFFFFFFFL;
                }
                case 5 -> {
                    return (long) i32();
                }
                case 6 -> {
                    return (double) Float.intBitsToFloat(i32());
                }
                case 7 -> {
                    need(1);
                    consumed += 1;
                    return buffer.get() != 0;
                }
                case 8 -> {
                    return string();
                }
                case 9 -> {
                    int elementType = i32();
                    long count = i64();
                    if (count < 0 || count > Integer.MAX_VALUE) {
                        throw new IOException("GGUF array of " + count + " elements");
                    }
                    List<Object> list = new ArrayList<>((int) Math.min(count, 1 << 20));
                    for (long i = 0; i < count; i++) {
                        list.add(value(elementType));
                    }
                    return Collections.unmodifiableList(list);
                }
                case 10, 11 -> {
                    return i64();
                }
                case 12 -> {
                    return Double.longBitsToDouble(i64());
                }
                default -> throw new IOException("GGUF metadata value type " + type + " is unknown");
            }
        }
    }
}
