package com.computemarket.inference.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * src/test/resources/embedding-corpus.txt: 1,156 inputs, one a line: sentences of this repository's docs and of the
 * GNU/Apache/Mozilla licence texts, 20 multilingual and odd inputs, 42 long paragraphs (truncated at 256 word pieces).
 */
final class Corpus {

    private Corpus() {
    }

    static List<String> all() {
        try (InputStream in = Corpus.class.getResourceAsStream("/embedding-corpus.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
