package com.computemarket.connector.backend.gpu;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** nvcc on the PATH, and running a command for a test: the tests that need nvcc skip without it. */
final class Nvcc {

    /** The module's directory (surefire runs tests there). */
    static final Path MODULE = Path.of("").toAbsolutePath();

    private Nvcc() {
    }

    static boolean onPath() {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(File.pathSeparator)).stream()
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "nvcc")));
    }

    /** What a command printed (stdout and stderr together) and its exit code. */
    record Run(int code, String output) {
    }

    static Run run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(MODULE.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish in 300 s");
        }
        return new Run(p.exitValue(), out);
    }
}
