package com.computemarket.market.infrastructure;

import com.computemarket.market.domain.OutputStore;
import com.computemarket.market.domain.StoredOutput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/** The job_output table (see {@link StoredOutput} for why a table). */
@ApplicationScoped
public class JpaOutputStore implements OutputStore {

    @PersistenceContext(unitName = "marketplace")
    EntityManager em;
    @Inject Clock clock;

    @Override
    public String put(String canonicalJson) {
        String hash = sha256(canonicalJson);
        if (em.find(StoredOutput.class, hash) == null) {
            em.persist(new StoredOutput(hash, canonicalJson, clock.instant()));
        }
        return hash;
    }

    @Override
    public Optional<String> get(String sha256) {
        return Optional.ofNullable(em.find(StoredOutput.class, sha256)).map(StoredOutput::content);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
