package com.computemarket.inference.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The independent check: llama.cpp (through de.kherud:llama 4.2.0, CPU only, in a child JVM) tokenises the prompts
 * into the same ids and decodes greedily into the same text as this engine, on the F32 tiny models. (Q8_0 is not
 * compared: ggml quantises the activations to 8 bits inside a Q8_0 product and this engine keeps them in float,
 * so their greedy paths part after a few tokens on a random model whose top logits are close.) Text is compared
 * rather than ids because the binding cannot return ids; the byte-level vocabulary makes text almost one-to-one.
 */
class LlamaCppCrossCheckTest {

    private static final String[] PROMPTS = {"the cat sat", "hello world", "once upon a time there", "é"};

    @ParameterizedTest
    @ValueSource(strings = {TinyModels.F32, TinyModels.OTHER_SEED})
    void llamaCppTokenisesAndDecodesGreedilyAsThisEngine(String name) throws Exception {
        String os = System.getProperty("os.name") + "/" + System.getProperty("os.arch");
        assumeTrue(os.equals("Linux/amd64") || os.startsWith("Mac"), "llama.cpp binding has no native library for " + os);
        Path model = Models.tiny(name).toAbsolutePath();
        Path natives = Files.createDirectories(Path.of("target", "llama-natives").toAbsolutePath());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dde.kherud.llama.tmpdir=" + natives, "-cp", System.getProperty("java.class.path"),
                LlamaCppGreedy.class.getName(), model.toString()));
        command.addAll(Arrays.asList(PROMPTS));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("llama.cpp did not finish in 120 s");
        }
        assertEquals(0, process.exitValue(), out);
        List<String> lines = out.lines().filter(l -> l.startsWith("encode ") || l.startsWith("text ")).toList();
        assertEquals(2 * PROMPTS.length, lines.size(), out);
        try (TextGenerator engine = TextGenerator.open(model, 1)) {
            for (int i = 0; i < PROMPTS.length; i++) {
                int[] ours = engine.model().tokenizer().encode(PROMPTS[i]);
                int[] theirs = Arrays.stream(lines.get(2 * i).substring(8, lines.get(2 * i).length() - 1).split(", "))
                        .mapToInt(Integer::parseInt).toArray();
                assertArrayEquals(Arrays.copyOfRange(ours, 1, ours.length), theirs, "ids of " + PROMPTS[i] + " after BOS");
                GenerationResult r = engine.generate(new GenerationRequest("tiny", PROMPTS[i], LlamaCppGreedy.TOKENS, 0f, 1));
                String theirText = new String(HexFormat.of().parseHex(lines.get(2 * i + 1).substring(5)), StandardCharsets.UTF_8);
                assertEquals(theirText, r.text(), "greedy text of " + PROMPTS[i]);
            }
        }
    }
}
