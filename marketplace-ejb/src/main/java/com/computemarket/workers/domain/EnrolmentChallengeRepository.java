package com.computemarket.workers.domain;

import java.util.Optional;

/** Issued enrolment challenges by nonce. */
public interface EnrolmentChallengeRepository {
    void add(EnrolmentChallenge challenge);
    /** Locks the challenge (PESSIMISTIC_WRITE) so that two enrolments with one nonce serialise and one wins. */
    Optional<EnrolmentChallenge> lock(String nonce);
}
