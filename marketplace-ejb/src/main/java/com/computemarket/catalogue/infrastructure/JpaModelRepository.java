package com.computemarket.catalogue.infrastructure;

import com.computemarket.catalogue.application.CatalogueRefusals;
import com.computemarket.catalogue.domain.Model;
import com.computemarket.catalogue.domain.ModelId;
import com.computemarket.catalogue.domain.ModelRepository;
import com.computemarket.catalogue.domain.ModelStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaModelRepository implements ModelRepository {

    @PersistenceContext(unitName = "marketplace")
    EntityManager em;

    /** Flushes at once so that two registrations of one id meet the primary key here, as a 409. */
    @Override
    public void add(Model model) {
        try {
            em.persist(model);
            em.flush();
        } catch (EntityExistsException e) {
            throw CatalogueRefusals.exists(model.id());
        } catch (PersistenceException e) {
            if (isConstraintViolation(e)) {
                throw CatalogueRefusals.exists(model.id());
            }
            throw e;
        }
    }

    @Override
    public Optional<Model> find(ModelId id) {
        return Optional.ofNullable(em.find(Model.class, id.value()));
    }

    @Override
    public Optional<Model> lock(ModelId id) {
        return Optional.ofNullable(em.find(Model.class, id.value(), LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<Model> offered() {
        return em.createQuery("select m from Model m where m.status = :status order by m.id", Model.class)
                .setParameter("status", ModelStatus.OFFERED).getResultList();
    }

    private static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // Hibernate's ConstraintViolationException, by name: the EJB module compiles against the Jakarta API only
            if (t instanceof SQLIntegrityConstraintViolationException || t.getClass().getSimpleName().equals("ConstraintViolationException")) {
                return true;
            }
        }
        return false;
    }
}
