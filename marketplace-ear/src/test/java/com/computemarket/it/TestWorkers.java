package com.computemarket.it;

import com.computemarket.shared.ChallengeType;
import com.computemarket.workers.domain.AddressProof;
import com.computemarket.workers.domain.Worker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * In-container: an ACTIVE worker row for an address, owned by the realm's demo operator "worker". Only the row matters
 * to these tests; WorkerEnrolmentIT proves the signed enrolment over the API.
 */
@ApplicationScoped
public class TestWorkers {

    /** The Keycloak subject of the realm's demo user "worker" (fixed id in config/keycloak). */
    public static final String OPERATOR = "1c0a5b8e-0c1e-4d6a-9a51-000000000002";

    @PersistenceContext(unitName = "marketplace")
    EntityManager em;

    @Transactional
    public UUID enrol(String address) {
        byte[] publicKey = new byte[33];
        publicKey[0] = 2;
        UUID id = UUID.randomUUID();
        em.persist(new Worker(id, OPERATOR, "worker", new AddressProof(address, publicKey, new byte[64]), List.of(),
                EnumSet.allOf(ChallengeType.class), Instant.now()));
        return id;
    }
}
