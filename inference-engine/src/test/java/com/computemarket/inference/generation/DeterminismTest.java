package com.computemarket.inference.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Logits are bit-identical for 1, 2 and 4 threads and across repeated runs (JDK 17 vs 25: LogitsDigest). */
class DeterminismTest {

    /** SHA-256 over the float bits of every logit of a 200-token teacher-forced run, for each thread count. */
    static String digest(LlamaModel model, int threads, int positions) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (LlamaModel.Sequence seq = model.newSequence(threads)) {
            int token = model.tokenizer().bos();
            ByteBuffer buf = ByteBuffer.allocate(4 * model.config().vocab());
            for (int p = 0; p < positions; p++) {
                float[] logits = seq.next(token);
                buf.clear();
                for (float l : logits) {
                    buf.putInt(Float.floatToRawIntBits(l));
                }
                sha.update(buf.array());
                token = 3 + (p * 37) % 290; // a fixed, model-independent token stream
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    @Test
    void threadCountsAndRepeatedRunsGiveBitIdenticalLogits() throws IOException {
        for (String name : new String[] {TinyModels.F32, TinyModels.Q8_0}) {
            try (LlamaModel model = LlamaModel.load(Models.tiny(name))) {
                String one = digest(model, 1, 200);
                assertEquals(one, digest(model, 2, 200), name + ": 2 threads");
                assertEquals(one, digest(model, 4, 200), name + ": 4 threads");
                assertEquals(one, digest(model, 1, 200), name + ": a second run");
            }
        }
    }

    @Test
    void generationIsTheSameForEveryThreadCount() throws IOException {
        GenerationRequest request = new GenerationRequest("tiny", "once upon a time", 64, 0.8f, 99);
        try (TextGenerator one = TextGenerator.open(Models.tiny(TinyModels.F32), 1);
             TextGenerator four = new TextGenerator(one.model(), 4)) {
            GenerationResult a = one.generate(request);
            GenerationResult b = four.generate(request);
            assertArrayEquals(a.tokens(), b.tokens());
            assertArrayEquals(a.logProbs(), b.logProbs());
        }
    }
}
