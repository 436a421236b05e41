package com.computemarket.workers.infrastructure;

import com.computemarket.workers.domain.EnrolmentChallenge;
import com.computemarket.workers.domain.EnrolmentChallengeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
public class JpaEnrolmentChallengeRepository implements EnrolmentChallengeRepository {

    @PersistenceContext(unitName = "marketplace")
    EntityManager em;

    @Override
    public void add(EnrolmentChallenge challenge) {
        em.persist(challenge);
    }

    @Override
    public Optional<EnrolmentChallenge> lock(String nonce) {
        return Optional.ofNullable(em.find(EnrolmentChallenge.class, nonce, LockModeType.PESSIMISTIC_WRITE));
    }
}
