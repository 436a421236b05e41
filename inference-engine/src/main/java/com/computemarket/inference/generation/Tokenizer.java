package com.computemarket.inference.generation;

import com.computemarket.inference.generation.gguf.GgufFile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SentencePiece-style tokenizer of a GGUF with {@code tokenizer.ggml.model = "llama"}, as llama.cpp's SPM
 * tokenizer: a space is prefixed (unless {@code tokenizer.ggml.add_space_prefix} is false), spaces become U+2581,
 * the text is split into characters, and the adjacent pair whose concatenation is a token with the highest score
 * is merged (ties: the leftmost) until none is; a symbol that is not a token falls back to its UTF-8 bytes as
 * {@code <0xNN>} tokens (or the unknown token). BOS is prepended when {@code tokenizer.ggml.add_bos_token} is
 * true (the default). The "gpt2" BPE model is not supported yet.
 */
public final class Tokenizer {

    private static final int TYPE_UNKNOWN = 2;
    private static final int TYPE_CONTROL = 3;
    private static final int TYPE_BYTE = 6;

    private final String[] pieces;
    private final float[] scores;
    private final int[] types;
    private final Map<String, Integer> ids = new HashMap<>();
    private final int[] byteTokens = new int[256];
    private final int bos;
    private final int eos;
    private final int unknown;
    private final boolean addBos;
    private final boolean addSpacePrefix;

    private Tokenizer(List<String> pieces, List<Double> scores, List<Long> types, int bos, int eos, int unknown,
                      boolean addBos, boolean addSpacePrefix) {
        int n = pieces.size();
        this.pieces = pieces.toArray(String[]::new);
        this.scores = new float[n];
        this.types = new int[n];
        java.util.Arrays.fill(byteTokens, -1);
        for (int i = 0; i < n; i++) {
            this.scores[i] = scores == null ? 0f : (float) (double) scores.get(i);
            this.types[i] = types == null ? 1 : (int) (long) types.get(i);
            ids.putIfAbsent(this.pieces[i], i);
            String p = this.pieces[i];
            int b = byteValue(p);
            if (b >= 0 && byteTokens[b] < 0) {
                byteTokens[b] = i;
            }
        }
        this.bos = bos;
        this.eos = eos;
        this.unknown = unknown;
        this.addBos = addBos;
        this.addSpacePrefix = addSpacePrefix;
    }

    static Tokenizer from(GgufFile f) {
        String model = f.string("tokenizer.ggml.model");
        if (!model.equals("llama")) {
            throw new IllegalArgumentException("tokenizer model " + model + " is not supported (llama is)");
        }
        List<String> tokens = f.array("tokenizer.ggml.tokens");
        List<Double> scores = f.metadata().containsKey("tokenizer.ggml.scores") ? f.array("tokenizer.ggml.scores") : null;
        List<Long> types = f.metadata().containsKey("tokenizer.ggml.token_type") ? f.array("tokenizer.ggml.token_type") : null;
        return new Tokenizer(tokens, scores, types,
                (int) f.integer("tokenizer.ggml.bos_token_id", 1),
                (int) f.integer("tokenizer.ggml.eos_token_id", 2),
                (int) f.integer("tokenizer.ggml.unknown_token_id", 0),
                !(f.metadata().get("tokenizer.ggml.add_bos_token") instanceof Boolean b) || b,
                !(f.metadata().get("tokenizer.ggml.add_space_prefix") instanceof Boolean s) || s);
    }

    public int bos() {
        return bos;
    }

    public int eos() {
        return eos;
    }

    public int vocabularySize() {
        return pieces.length;
    }

    public String piece(int token) {
        return pieces[token];
    }

    /** The prompt's tokens, BOS first when the model asks for it. */
    public int[] encode(String text) {
        List<Integer> out = new ArrayList<>();
        if (addBos) {
            out.add(bos);
        }
        if (!text.isEmpty()) {
            String normalized = ((addSpacePrefix ? " " : "") + text).replace(' ', '\u2581');
            List<String> symbols = new ArrayList<>();
            normalized.codePoints().forEach(cp -> symbols.add(new String(Character.toChars(cp))));
            while (true) {
                int best = -1;
                float bestScore = Float.NEGATIVE_INFINITY;
                for (int i = 0; i + 1 < symbols.size(); i++) {
                    Integer id = ids.get(symbols.get(i) + symbols.get(i + 1));
                    if (id != null && (best < 0 || scores[id] > bestScore)) {
                        best = i;
                        bestScore = scores[id];
                    }
                }
                if (best < 0) {
                    break;
                }
                symbols.set(best, symbols.get(best) + symbols.get(best + 1));
                symbols.remove(best + 1);
            }
            for (String s : symbols) {
                Integer id = ids.get(s);
                if (id != null) {
                    out.add(id);
                } else {
                    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
                        int t = byteTokens[b & 0xFF];
                        out.add(t >= 0 ? t : unknown);
                    }
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The text of generated tokens: byte tokens as bytes, U+2581 as space, control tokens (BOS, EOS) and the unknown token as nothing, as llama.cpp renders them. */
    public String decode(int[] tokens) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int t : tokens) {
            if (types[t] == TYPE_CONTROL || types[t] == TYPE_UNKNOWN) {
                continue;
            }
            String p = pieces[t];
            int b = byteValue(p);
            if (b >= 0 && (types[t] == TYPE_BYTE || byteTokens[b] == t)) {
                bytes.write(b);
            } else {
                bytes.writeBytes(p.replace('\u2581', ' ').getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException(e); // REPLACE never throws
        }
    }

    /** The byte of a {@code <0xNN>} piece, or −1. */
    private static int byteValue(String p) {
        if (p.length() != 6 || !p.startsWith("<0x") || p.charAt(5) != '>') {
            return -1;
        }
        int hi = Character.digit(p.charAt(3), 16);
        int lo = Character.digit(p.charAt(4), 16);
        return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
    }
}
