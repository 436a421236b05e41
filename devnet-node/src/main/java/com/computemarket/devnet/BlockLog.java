package com.computemarket.devnet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Logger;

/**
 * Append-only JSON-lines file, one block per line, forced to disk before a block is served. A crash can only
 * leave a torn last line (no trailing newline); opening the log cuts it off, so the chain resumes at the last
 * block that was fully written.
 */
final class BlockLog implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BlockLog.class.getName());

    private final Path file;
    private final FileChannel channel;
    private final List<String> entries = new ArrayList<>();
    private final List<Long> lineStarts = new ArrayList<>();

    private BlockLog(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    static BlockLog open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            BlockLog log = new BlockLog(file, channel);
            log.readExisting();
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open block log " + file, e);
        }
    }

    /** The complete lines found when the log was opened, oldest first. */
    List<String> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** Forgets the last line: the caller found it unreadable (a write that never completed). */
    void dropLast() {
        if (entries.isEmpty()) return;
        long start = lineStarts.remove(lineStarts.size() - 1);
        entries.remove(entries.size() - 1);
        truncate(start);
        LOG.warning(() -> "block log " + file + ": dropped an unreadable last line at byte " + start);
    }

    /** Appends one line and forces it to disk; the line must not contain a newline. */
    void append(String line) {
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) throw new IllegalArgumentException("newline in entry");
        try {
            long start = channel.size();
            ByteBuffer buf = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            channel.position(start);
            while (buf.hasRemaining()) channel.write(buf);
            channel.force(false);
            lineStarts.add(start);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to block log " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warning(() -> "closing block log " + file + ": " + e);
        }
    }

    private void readExisting() throws IOException {
        byte[] all = Files.readAllBytes(file);
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                String line = new String(all, start, i - start, StandardCharsets.UTF_8).strip();
                if (!line.isEmpty()) {
                    entries.add(line);
                    lineStarts.add((long) start);
                }
                start = i + 1;
            }
        }
        if (start < all.length) {
            long cut = start;
            LOG.warning(() -> "block log " + file + ": cutting off a torn last line at byte " + cut);
            truncate(start);
        }
    }

    private void truncate(long size) {
        try {
            channel.truncate(size);
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot truncate block log " + file, e);
        }
    }
}
