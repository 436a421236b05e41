package com.computemarket.workers.application;

import com.computemarket.workers.domain.Gpu;
import java.util.List;

/** An enrolment as the operator sends it: the proof fields as hex text, the declared GPUs and challenge types. */
public record EnrolWorker(String address, String publicKey, String signature, String nonce, List<Gpu> gpus,
                          List<String> challengeTypes) {

    public EnrolWorker {
        gpus = gpus == null ? List.of() : List.copyOf(gpus);
        challengeTypes = challengeTypes == null ? List.of() : List.copyOf(challengeTypes);
    }
}
