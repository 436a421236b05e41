package com.computemarket.inference.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private static LlamaModel model;

    @BeforeAll
    static void load() throws IOException {
        model = LlamaModel.load(Models.tiny(TinyModels.F32));
    }

    @AfterAll
    static void close() throws IOException {
        model.close();
    }

    @Test
    void piecesMergeByScoreAfterBosAndASpacePrefix() {
        Tokenizer t = model.tokenizer();
        // "▁the" (289) is a piece; " cat" becomes ▁ (259), c (262) and the piece "at" (298): there is no "▁c"
        int[] ids = t.encode("the cat");
        assertEquals(1, ids[0]);
        assertEquals("\u2581the", t.piece(ids[1]));
        assertEquals("\u2581", t.piece(ids[2]));
        assertArrayEquals(new int[] {1, 289, 259, 262, 298}, ids);
    }

    @Test
    void charactersOutsideTheVocabularyFallBackToTheirUtf8Bytes() {
        Tokenizer t = model.tokenizer();
        int[] ids = t.encode("é");
        // BOS, ▁, then 0xC3 0xA9 as byte tokens (3 + byte)
        assertArrayEquals(new int[] {1, 259, 3 + 0xC3, 3 + 0xA9}, ids);
        assertEquals(" é", t.decode(new int[] {259, 3 + 0xC3, 3 + 0xA9}));
    }

    @Test
    void decodingDropsControlTokensAndTurnsTheSpaceMarkIntoASpace() {
        Tokenizer t = model.tokenizer();
        assertEquals(" the cat", t.decode(t.encode("the cat")));
        assertEquals("", t.decode(new int[] {1, 2}));
    }
}
