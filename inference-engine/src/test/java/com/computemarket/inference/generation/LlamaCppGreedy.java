package com.computemarket.inference.generation;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.args.CacheType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Runs llama.cpp (de.kherud:llama, CPU) in its own JVM for {@link LlamaCppCrossCheckTest}: for each prompt, one
 * line {@code encode <ids>} and one line {@code text <UTF-8 hex>} of {@value #TOKENS} greedy tokens, then exits
 * (llama.cpp's native threads would otherwise keep the JVM alive). Asking the binding for probabilities aborts the
 * JVM, so only tokens and text are compared. Args: model path, prompts.
 */
public final class LlamaCppGreedy {

    static final int TOKENS = 20;

    public static void main(String[] args) {
        int status = 0;
        ModelParameters parameters = new ModelParameters().setModel(args[0]).setGpuLayers(0).setThreads(1)
                .setCtxSize(512).setCacheTypeK(CacheType.F32).setCacheTypeV(CacheType.F32).disableLog();
        try (de.kherud.llama.LlamaModel model = new de.kherud.llama.LlamaModel(parameters)) {
            for (int i = 1; i < args.length; i++) {
                System.out.println("encode " + Arrays.toString(model.encode(args[i])));
                InferenceParameters greedy = new InferenceParameters(args[i]).setTemperature(0f).setTopK(1)
                        .setNPredict(TOKENS).setSeed(1).setCachePrompt(false);
                StringBuilder text = new StringBuilder();
                for (LlamaOutput o : model.generate(greedy)) {
                    text.append(o.text);
                }
                System.out.println("text " + HexFormat.of().formatHex(text.toString().getBytes(StandardCharsets.UTF_8)));
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        Runtime.getRuntime().halt(status);
    }
}
