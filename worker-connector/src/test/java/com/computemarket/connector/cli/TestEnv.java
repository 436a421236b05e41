package com.computemarket.connector.cli;

import com.computemarket.connector.backend.BackendChoice;
import com.computemarket.connector.backend.Backends;
import com.computemarket.connector.backend.GpuOpening;
import com.computemarket.connector.backend.gpu.GpuKernel;
import java.util.ArrayList;
import java.util.List;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/** An {@link Environment} for tests: its own variables, scripted prompts and stdin, a temp home, fast key derivation. */
final class TestEnv implements Environment {

    final Map<String, String> vars = new HashMap<>();
    final Deque<String> secrets = new ArrayDeque<>();
    final Deque<String> stdin = new ArrayDeque<>();
    boolean terminal;
    /** When set, what every --backend choice gets; else the real selection over {@link #gpu} and the CPU backend. */
    Backends backends;
    /** What opening the GPU gives: no driver unless a test says otherwise (tests never touch a real GPU). */
    GpuOpening gpu = new GpuOpening.Unusable("no CUDA driver: libcuda.so.1 was not found (test)");
    final List<BackendChoice> choices = new ArrayList<>();
    private final Path home;

    TestEnv(Path home) {
        this.home = home;
    }

    TestEnv passphrase(String p) {
        vars.put(PASSPHRASE_VARIABLE, p);
        return this;
    }

    @Override
    public String getenv(String name) {
        return vars.get(name);
    }

    @Override
    public char[] readSecret(String prompt) {
        if (!terminal) {
            return null;
        }
        String s = secrets.poll();
        return s == null ? null : s.toCharArray();
    }

    @Override
    public String readStdinLine() {
        return stdin.poll();
    }

    @Override
    public boolean interactive() {
        return terminal;
    }

    @Override
    public Path home() {
        return home;
    }

    @Override
    public int kdfIterations() {
        return 1000;
    }

    @Override
    public Backends backends(BackendChoice choice) {
        choices.add(choice);
        return backends != null ? backends : Environment.super.backends(choice);
    }

    @Override
    public GpuOpening gpu(GpuKernel kernel) {
        return gpu;
    }

    /** The outcome of one command line. */
    record Result(int code, String out, String err) {
        String[] errLines() {
            return err.isEmpty() ? new String[0] : err.split("\\R");
        }
    }

    Result execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = WorkerConnector.commandLine(this);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
