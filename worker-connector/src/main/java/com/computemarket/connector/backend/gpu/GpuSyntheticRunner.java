package com.computemarket.connector.backend.gpu;

import com.computemarket.challenge.synthetic.CpuBackend;
import com.computemarket.challenge.synthetic.ResultCommitment;
import com.computemarket.challenge.synthetic.SyntheticJob;
import com.computemarket.connector.backend.GpuOpening;
import com.computemarket.connector.backend.ProgressListener;
import com.computemarket.connector.backend.StageTimed;
import com.computemarket.connector.backend.StageTimes;
import com.computemarket.connector.backend.SyntheticRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Collectors;

/**
 * Synthetic jobs on every usable GPU, one lane per device: a job takes a free lane for its whole run (jobs beyond the
 * number of GPUs wait for one). The device generates A and Bᵀ, multiplies them on the tensor cores and hashes the rows
 * (src/main/cuda/synthetic.cu); the host builds the Merkle tree with worker-protocol's own classes, so the
 * commitment, the result_hash and the openings are exactly the CPU backend's.
 */
public final class GpuSyntheticRunner extends SyntheticRunner implements StageTimed, AutoCloseable {

    private static final int KEPT_TIMES = 8;

    private final List<GpuLane> lanes;
    private final BlockingQueue<GpuLane> free;
    private final GpuKernel kernel;
    private final String driver;
    private final Map<UUID, StageTimes> times = recent(KEPT_TIMES);

    private GpuSyntheticRunner(List<GpuLane> lanes, GpuKernel kernel, String driver) {
        this.lanes = List.copyOf(lanes);
        this.free = new ArrayBlockingQueue<>(lanes.size(), false, lanes);
        this.kernel = kernel;
        this.driver = driver;
    }

    /** On every usable device with the tensor-core kernel; or the one-line reason there is none. */
    public static GpuOpening open() {
        return open(GpuKernel.MMA);
    }

    /** On every usable device, multiplying with the given kernel. */
    public static GpuOpening open(GpuKernel kernel) {
        CudaDriver.Found found;
        try {
            found = CudaDriver.devices();
        } catch (CudaDriver.Unusable e) {
            return new GpuOpening.Unusable(e.getMessage());
        }
        byte[] ptx = GpuLane.ptx();
        List<GpuLane> lanes = new ArrayList<>();
        for (CudaDevice device : found.devices()) {
            try {
                lanes.add(GpuLane.open(device, ptx));
            } catch (CudaFailure e) {
                lanes.forEach(GpuLane::close);
                return new GpuOpening.Unusable("the kernels (" + GpuLane.PTX + ") did not load on " + device.label() + ": "
                        + e.getMessage());
            }
        }
        return new GpuOpening.Opened(new GpuSyntheticRunner(lanes, kernel, found.versionText()));
    }

    @Override
    protected ResultCommitment commit(UUID jobId, SyntheticJob job, ProgressListener progress) throws InterruptedException {
        long start = System.nanoTime();
        GpuLane lane = free.take();
        byte[][] leaves;
        GpuLane.StageClock clock = new GpuLane.StageClock();
        try {
            leaves = lane.rowHashes(job, kernel, clock, progress);
        } finally {
            free.add(lane);
        }
        long merkle = System.nanoTime();
        ResultCommitment commitment = ResultCommitment.of(job, leaves);
        long end = System.nanoTime();
        times.put(jobId, new StageTimes(job.matrixSize(), job.iterations(), clock.generate, clock.multiply, clock.hash,
                clock.copy, (end - merkle) / 1e9, (end - start) / 1e9));
        return commitment;
    }

    /** On a free lane; if the device fails now, the CPU recomputes the rows (they are the same numbers). */
    @Override
    protected List<int[]> rows(SyntheticJob job, List<Integer> leafIndices) {
        GpuLane lane;
        try {
            lane = free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CpuBackend().rows(job, leafIndices);
        }
        try {
            return lane.rows(job, leafIndices, kernel);
        } catch (CudaFailure e) {
            return new CpuBackend().rows(job, leafIndices);
        } finally {
            free.add(lane);
        }
    }

    @Override
    public Optional<StageTimes> stageTimes(UUID jobId) {
        return Optional.ofNullable(times.get(jobId));
    }

    @Override
    public String describe() {
        return "synthetic on " + lanes.size() + " GPU" + (lanes.size() == 1 ? "" : "s") + " ("
                + lanes.stream().map(l -> l.device().label()).collect(Collectors.joining("; ")) + "; " + driver
                + (kernel == GpuKernel.MMA ? "" : "; " + kernel.name().toLowerCase(java.util.Locale.ROOT) + " kernel") + ")";
    }

    /** Gives the devices back (tests and gpucheck; a worker keeps its lanes for its lifetime). */
    @Override
    public void close() {
        lanes.forEach(GpuLane::close);
    }
}
