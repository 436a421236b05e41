package com.computemarket.connector.backend.gpu;

import com.computemarket.connector.backend.BackendFailure;
import jcuda.driver.CUresult;

/** A CUDA driver call answered an error: the message names the call and the error ({@code cuInit: CUDA_ERROR_NO_DEVICE}). */
public final class CudaFailure extends BackendFailure {

    CudaFailure(String call, int code) {
        super(call + ": " + CUresult.stringFor(code));
    }

    /** Throws unless the driver call succeeded. */
    static void check(int result, String call) {
        if (result != CUresult.CUDA_SUCCESS) {
            throw new CudaFailure(call, result);
        }
    }
}
