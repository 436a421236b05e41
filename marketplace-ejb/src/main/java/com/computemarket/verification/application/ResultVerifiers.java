package com.computemarket.verification.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The verifier for each challenge type: every {@link ResultVerifier} bean, by its type. */
@ApplicationScoped
public class ResultVerifiers {

    private final Map<String, ResultVerifier> byType = new HashMap<>();

    protected ResultVerifiers() {
    }

    @Inject
    public ResultVerifiers(@Any Instance<ResultVerifier> all) {
        this(all.stream().toList());
    }

    /** Outside the container (unit tests). */
    public ResultVerifiers(List<ResultVerifier> verifiers) {
        for (ResultVerifier verifier : verifiers) {
            if (byType.put(verifier.challengeType(), verifier) != null) {
                throw new IllegalStateException("two verifiers for challenge type " + verifier.challengeType());
            }
        }
    }

    /** The verifier of jobs of this challenge type; empty when there is none yet (rendering, training, …). */
    public Optional<ResultVerifier> of(String challengeType) {
        return Optional.ofNullable(byType.get(challengeType));
    }

    /** The challenge types that have a verifier. */
    public Set<String> types() {
        return Set.copyOf(byType.keySet());
    }

    /** As {@link #of}, for a type that had one when its verification began. */
    public ResultVerifier require(String challengeType) {
        return of(challengeType).orElseThrow(() -> new IllegalStateException("no verifier for challenge type " + challengeType));
    }
}
