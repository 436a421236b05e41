package com.computemarket.connector.backend.gpu;

import static com.computemarket.connector.backend.gpu.CudaFailure.check;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUresult;
import jcuda.driver.JCudaDriver;

/**
 * The CUDA driver (libcuda.so.1) through JCuda's driver API, once per process: loads the binding, {@code cuInit},
 * lists the devices. Each way it can be unusable is one line: no libcuda.so.1, a cuInit error by name, no device,
 * no device new enough. Nothing here needs the CUDA toolkit (docs/decisions/0005).
 */
public final class CudaDriver {

    private static Found found;
    private static Unusable unusable; // kept: a binding that failed to load cannot be loaded again in this JVM

    private CudaDriver() {
    }

    /** What the driver offers: its version and the devices the kernels can run on (at least one). */
    public record Found(int version, List<CudaDevice> devices) {

        /** "CUDA driver 12.8". */
        public String versionText() {
            return "CUDA driver " + version / 1000 + "." + version % 1000 / 10;
        }
    }

    /** The driver cannot be used: {@code getMessage()} is the one line that says why. */
    public static final class Unusable extends Exception {
        Unusable(String reason) {
            super(reason);
        }
    }

    /** Initialises the driver on the first call and lists the usable devices; the same answer afterwards. */
    public static synchronized Found devices() throws Unusable {
        if (found == null && unusable == null) {
            try {
                found = discover();
            } catch (Unusable e) {
                unusable = e;
            } catch (CudaFailure e) {
                unusable = new Unusable(e.getMessage());
            }
        }
        if (unusable != null) {
            throw new Unusable(unusable.getMessage());
        }
        return found;
    }

    private static Found discover() throws Unusable {
        try {
            JCudaDriver.setExceptionsEnabled(false); // loads libJCudaDriver, which links libcuda.so.1
        } catch (LinkageError e) {
            throw new Unusable(whyNotLoaded(e));
        }
        int init = JCudaDriver.cuInit(0);
        if (init != CUresult.CUDA_SUCCESS) {
            throw new Unusable("cuInit failed with " + CUresult.stringFor(init));
        }
        int[] value = new int[1];
        check(JCudaDriver.cuDriverGetVersion(value), "cuDriverGetVersion");
        int version = value[0];
        check(JCudaDriver.cuDeviceGetCount(value), "cuDeviceGetCount");
        if (value[0] == 0) {
            throw new Unusable("no CUDA device (cuDeviceGetCount = 0)");
        }
        List<CudaDevice> usable = new ArrayList<>();
        List<String> tooOld = new ArrayList<>();
        for (int ordinal = 0; ordinal < value[0]; ordinal++) {
            CudaDevice device = describe(ordinal);
            if (device.supported()) {
                usable.add(device);
            } else {
                tooOld.add(device.label());
            }
        }
        if (usable.isEmpty()) {
            throw new Unusable("no CUDA device of compute capability " + CudaDevice.MIN_MAJOR + ".0 or newer (found "
                    + String.join("; ", tooOld) + ")");
        }
        return new Found(version, List.copyOf(usable));
    }

    private static CudaDevice describe(int ordinal) {
        CUdevice device = new CUdevice();
        check(JCudaDriver.cuDeviceGet(device, ordinal), "cuDeviceGet");
        byte[] name = new byte[256];
        check(JCudaDriver.cuDeviceGetName(name, name.length, device), "cuDeviceGetName");
        int end = 0;
        while (end < name.length && name[end] != 0) {
            end++;
        }
        int[] major = new int[1];
        int[] minor = new int[1];
        check(JCudaDriver.cuDeviceGetAttribute(major, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, device),
                "cuDeviceGetAttribute");
        check(JCudaDriver.cuDeviceGetAttribute(minor, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, device),
                "cuDeviceGetAttribute");
        long[] memory = new long[1];
        check(JCudaDriver.cuDeviceTotalMem(memory, device), "cuDeviceTotalMem");
        return new CudaDevice(ordinal, new String(name, 0, end, StandardCharsets.US_ASCII), major[0], minor[0], memory[0]);
    }

    /**
     * Why JCuda's native binding did not load, from the linker's words anywhere in the error: the usual case is a
     * machine without the NVIDIA driver, where libJCudaDriver cannot find libcuda.so.1.
     */
    static String whyNotLoaded(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
            for (Throwable s : t.getSuppressed()) {
                all.append(s).append('\n');
            }
        }
        String text = all.toString();
        if (text.contains("libcuda.so")) {
            return "no CUDA driver: libcuda.so.1 was not found (the NVIDIA driver is not installed or not visible here)";
        }
        String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse(e.getClass().getName());
        return "the JCuda driver binding did not load: " + first;
    }
}
