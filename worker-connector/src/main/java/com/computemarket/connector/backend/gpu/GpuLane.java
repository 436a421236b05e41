package com.computemarket.connector.backend.gpu;

import static com.computemarket.connector.backend.gpu.CudaFailure.check;

import com.computemarket.challenge.synthetic.SyntheticJob;
import com.computemarket.connector.backend.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import jcuda.NativePointerObject;
import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUevent;
import jcuda.driver.CUfunction;
import jcuda.driver.CUfunction_attribute;
import jcuda.driver.CUmodule;
import jcuda.driver.JCudaDriver;

/**
 * One GPU running the kernels of synthetic.ptx (src/main/cuda/synthetic.cu): its primary context, the module, and
 * device buffers for A, Bᵀ (int8), C (int32) and the row hashes, kept at the largest size seen. Used by one thread at a
 * time (the runner hands lanes out); each call makes the context current on the calling thread first. Launch geometry
 * is read from the module's globals, so it is stated once, in the .cu source.
 */
final class GpuLane implements AutoCloseable {

    static final String PTX = "synthetic.ptx";

    private final CudaDevice device;
    private final CUdevice handle = new CUdevice();
    private final CUcontext context = new CUcontext();
    private final CUmodule module = new CUmodule();
    private final CUfunction generate = new CUfunction();
    private final CUfunction hashRows = new CUfunction();
    private final Map<GpuKernel, CUfunction> multiply = new EnumMap<>(GpuKernel.class);
    private final CUevent[] marks = new CUevent[5];
    private int tile;
    private int mmaThreads;
    private int mmaSharedBytes;
    private int mmaBlockTile;
    private int dp4aTile;
    private CUdeviceptr a;
    private CUdeviceptr bt;
    private CUdeviceptr c;
    private CUdeviceptr hashes;
    private int allocatedLd;

    private GpuLane(CudaDevice device) {
        this.device = device;
    }

    /** Loads the PTX on the device (the driver JIT-compiles it for the device's architecture). */
    static GpuLane open(CudaDevice device, byte[] ptx) {
        GpuLane lane = new GpuLane(device);
        check(JCudaDriver.cuDeviceGet(lane.handle, device.ordinal()), "cuDeviceGet");
        check(JCudaDriver.cuDevicePrimaryCtxRetain(lane.context, lane.handle), "cuDevicePrimaryCtxRetain");
        try {
            lane.bind();
            check(JCudaDriver.cuModuleLoadData(lane.module, ptx), "cuModuleLoadData");
            check(JCudaDriver.cuModuleGetFunction(lane.generate, lane.module, "synthetic_generate"), "cuModuleGetFunction");
            check(JCudaDriver.cuModuleGetFunction(lane.hashRows, lane.module, "synthetic_hash_rows"), "cuModuleGetFunction");
            for (GpuKernel kernel : GpuKernel.values()) {
                CUfunction f = new CUfunction();
                check(JCudaDriver.cuModuleGetFunction(f, lane.module, kernel.function), "cuModuleGetFunction " + kernel.function);
                lane.multiply.put(kernel, f);
            }
            int[] geometry = lane.geometry();
            lane.tile = geometry[0];
            lane.mmaThreads = geometry[1];
            lane.mmaSharedBytes = geometry[2];
            lane.mmaBlockTile = geometry[3];
            lane.dp4aTile = geometry[4];
            // 80 KiB of dynamic shared memory: more than the 48 KiB a kernel gets without asking
            check(JCudaDriver.cuFuncSetAttribute(lane.multiply.get(GpuKernel.MMA),
                    CUfunction_attribute.CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES, lane.mmaSharedBytes), "cuFuncSetAttribute");
            for (int i = 0; i < lane.marks.length; i++) {
                lane.marks[i] = new CUevent();
                check(JCudaDriver.cuEventCreate(lane.marks[i], 0), "cuEventCreate");
            }
            return lane;
        } catch (CudaFailure e) {
            JCudaDriver.cuDevicePrimaryCtxRelease(lane.handle);
            throw e;
        }
    }

    /** The kept PTX from the jar, NUL-terminated as cuModuleLoadData wants it. */
    static byte[] ptx() {
        try (InputStream in = GpuLane.class.getResourceAsStream(PTX)) {
            if (in == null) {
                throw new IllegalStateException(PTX + " is missing from this build");
            }
            byte[] text = in.readAllBytes();
            return Arrays.copyOf(text, text.length + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CudaDevice device() {
        return device;
    }

    /**
     * The row hashes (leaves) of every iteration of the job, in leaf order; adds each stage's event-timed duration to
     * {@code clock}. InterruptedException between iterations when the thread is interrupted.
     */
    byte[][] rowHashes(SyntheticJob job, GpuKernel kernel, StageClock clock, ProgressListener progress) throws InterruptedException {
        bind();
        int n = job.matrixSize();
        int ld = reserve(n);
        long key = job.generator().key();
        byte[][] leaves = new byte[job.leafCount()][];
        byte[] digests = new byte[n * 32];
        for (int t = 0; t < job.iterations(); t++) {
            if (Thread.interrupted()) {
                throw new InterruptedException("stopped at iteration " + (job.firstIteration() + t));
            }
            mark(0);
            generate(key, job.firstIteration() + t, n, ld);
            mark(1);
            multiply(kernel, ld);
            mark(2);
            launch(hashRows, "synthetic_hash_rows", (n + 127) / 128, 1, 128, 0, c, n, ld, hashes);
            mark(3);
            check(JCudaDriver.cuMemcpyDtoH(Pointer.to(digests), hashes, (long) n * 32), "cuMemcpyDtoH (row hashes)");
            mark(4);
            check(JCudaDriver.cuEventSynchronize(marks[4]), "cuEventSynchronize");
            clock.add(seconds(0, 1), seconds(1, 2), seconds(2, 3), seconds(3, 4));
            for (int i = 0; i < n; i++) {
                leaves[t * n + i] = Arrays.copyOfRange(digests, 32 * i, 32 * i + 32);
            }
            progress.progress((t + 1.0) / job.iterations(), "iteration " + (t + 1) + " of " + job.iterations() + " on " + device.name());
        }
        return leaves;
    }

    /** The values of the given leaves of the job's result, recomputing the product of each iteration they fall in. */
    List<int[]> rows(SyntheticJob job, List<Integer> leafIndices, GpuKernel kernel) {
        bind();
        int n = job.matrixSize();
        int ld = reserve(n);
        long key = job.generator().key();
        int[][] out = new int[leafIndices.size()][];
        int computed = -1;
        // challenged leaves in iteration order, so each iteration's product is computed once
        List<Integer> order = IntStream.range(0, leafIndices.size()).boxed().sorted(Comparator.comparing(leafIndices::get)).toList();
        for (int q : order) {
            int leaf = leafIndices.get(q);
            int iteration = job.iterationOf(leaf);
            if (iteration != computed) {
                generate(key, iteration, n, ld);
                multiply(kernel, ld);
                computed = iteration;
            }
            out[q] = new int[n];
            check(JCudaDriver.cuMemcpyDtoH(Pointer.to(out[q]), c.withByteOffset((long) job.rowOf(leaf) * ld * 4), (long) n * 4),
                    "cuMemcpyDtoH (row)");
        }
        return List.of(out);
    }

    /** A and Bᵀ of one iteration, {@code key} being the job's generator key. */
    private void generate(long key, int iteration, int n, int ld) {
        long words = (long) ld * ld / 8;
        int blocks = (int) Math.min((words + 255) / 256, 1 << 20); // the kernel strides over the rest
        launch(generate, "synthetic_generate", blocks, 1, 256, 0, key, iteration, 0, n, ld, a);
        launch(generate, "synthetic_generate", blocks, 1, 256, 0, key, iteration, 1, n, ld, bt);
    }

    private void multiply(GpuKernel kernel, int ld) {
        if (kernel == GpuKernel.MMA) {
            int blocks = (ld / mmaBlockTile) * (ld / mmaBlockTile);
            launch(multiply.get(kernel), kernel.function, blocks, 1, mmaThreads, mmaSharedBytes, a, bt, c, ld);
        } else {
            launch(multiply.get(kernel), kernel.function, ld / dp4aTile, ld / dp4aTile, 256, 0, a, bt, c, ld);
        }
    }

    /** n rounded up to the kernels' tile; grows the buffers when n is the largest yet. */
    private int reserve(int n) {
        int ld = (n + tile - 1) / tile * tile;
        if (ld > allocatedLd) {
            release();
            long square = (long) ld * ld;
            a = allocate(square, "A");
            bt = allocate(square, "Bt");
            c = allocate(4 * square, "C");
            hashes = allocate(32L * ld, "row hashes");
            allocatedLd = ld;
        }
        return ld;
    }

    private CUdeviceptr allocate(long bytes, String what) {
        CUdeviceptr p = new CUdeviceptr();
        int result = JCudaDriver.cuMemAlloc(p, bytes);
        if (result != 0) {
            release();
            check(result, String.format(java.util.Locale.ROOT, "cuMemAlloc of %.2f GiB for %s on %s", bytes / (double) (1L << 30),
                    what, device.label()));
        }
        return p;
    }

    private void release() {
        for (CUdeviceptr p : new CUdeviceptr[] {a, bt, c, hashes}) {
            if (p != null) {
                JCudaDriver.cuMemFree(p);
            }
        }
        a = bt = c = hashes = null;
        allocatedLd = 0;
    }

    private void launch(CUfunction f, String name, int gridX, int gridY, int block, int sharedBytes, Object... args) {
        NativePointerObject[] params = new NativePointerObject[args.length];
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg instanceof CUdeviceptr p) {
                params[i] = Pointer.to(p);
            } else if (arg instanceof Integer v) {
                params[i] = Pointer.to(new int[] {v});
            } else if (arg instanceof Long v) {
                params[i] = Pointer.to(new long[] {v});
            } else {
                throw new IllegalArgumentException("kernel argument " + arg);
            }
        }
        check(JCudaDriver.cuLaunchKernel(f, gridX, gridY, 1, block, 1, 1, sharedBytes, null, Pointer.to(params), null),
                "cuLaunchKernel " + name);
    }

    private void mark(int i) {
        check(JCudaDriver.cuEventRecord(marks[i], null), "cuEventRecord");
    }

    private double seconds(int from, int to) {
        float[] ms = new float[1];
        check(JCudaDriver.cuEventElapsedTime(ms, marks[from], marks[to]), "cuEventElapsedTime");
        return ms[0] / 1000.0;
    }

    /** synthetic_geometry's five numbers (see synthetic.cu). */
    private int[] geometry() {
        CUfunction f = new CUfunction();
        check(JCudaDriver.cuModuleGetFunction(f, module, "synthetic_geometry"), "cuModuleGetFunction synthetic_geometry");
        int[] values = new int[5];
        CUdeviceptr out = allocate(4L * values.length, "the launch geometry");
        try {
            launch(f, "synthetic_geometry", 1, 1, 32, 0, out);
            check(JCudaDriver.cuMemcpyDtoH(Pointer.to(values), out, 4L * values.length), "cuMemcpyDtoH (geometry)");
        } finally {
            JCudaDriver.cuMemFree(out);
        }
        return values;
    }

    private void bind() {
        check(JCudaDriver.cuCtxSetCurrent(context), "cuCtxSetCurrent");
    }

    @Override
    public void close() {
        bind();
        release();
        for (CUevent e : marks) {
            if (e != null) {
                JCudaDriver.cuEventDestroy(e);
            }
        }
        JCudaDriver.cuModuleUnload(module);
        JCudaDriver.cuDevicePrimaryCtxRelease(handle);
    }

    /** Sums the event-timed stages of a job's iterations. */
    static final class StageClock {
        double generate;
        double multiply;
        double hash;
        double copy;

        void add(double generate, double multiply, double hash, double copy) {
            this.generate += generate;
            this.multiply += multiply;
            this.hash += hash;
            this.copy += copy;
        }
    }
}
