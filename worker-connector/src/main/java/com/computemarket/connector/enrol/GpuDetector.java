package com.computemarket.connector.enrol;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The GPUs to declare at enrolment: {@code nvidia-smi --query-gpu=name,memory.total,compute_cap,driver_version
 * --format=csv,noheader,nounits} when nvidia-smi is on the PATH, else none (a CPU-only worker).
 */
public final class GpuDetector {

    static final List<String> COMMAND = List.of("nvidia-smi", "--query-gpu=name,memory.total,compute_cap,driver_version",
            "--format=csv,noheader,nounits");

    private GpuDetector() {
    }

    /** The enrolment's {@code gpus} list; empty when there is no nvidia-smi or it fails. */
    public static List<Map<String, Object>> detect() {
        if (onPath("nvidia-smi") == null) {
            return List.of();
        }
        try {
            Process p = new ProcessBuilder(COMMAND).redirectErrorStream(false).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(15, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return List.of();
            }
            return parse(out);
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** One GPU per CSV line {@code name, memory MiB, compute capability, driver}; lines that do not parse are skipped. */
    public static List<Map<String, Object>> parse(String csv) {
        List<Map<String, Object>> gpus = new ArrayList<>();
        for (String line : csv.split("\\R")) {
            String[] f = line.split(",");
            if (f.length != 4) {
                continue;
            }
            try {
                Map<String, Object> gpu = new LinkedHashMap<>();
                gpu.put("model", f[0].strip());
                gpu.put("memory_mb", Integer.parseInt(f[1].strip()));
                String cc = f[2].strip();
                if (!cc.matches("\\d+\\.\\d+")) {
                    continue;
                }
                gpu.put("compute_capability", cc);
                gpu.put("driver", f[3].strip());
                gpus.add(gpu);
            } catch (NumberFormatException e) {
                // "[N/A]" or similar: not a GPU we can declare
            }
        }
        return gpus;
    }

    static Path onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
