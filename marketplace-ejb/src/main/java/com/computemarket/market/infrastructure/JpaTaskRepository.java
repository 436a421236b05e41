package com.computemarket.market.infrastructure;

import com.computemarket.market.domain.Task;
import com.computemarket.market.domain.TaskRepository;
import com.computemarket.market.domain.TaskStatus;
import com.computemarket.shared.DomainException;
import com.computemarket.shared.RowLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaTaskRepository implements TaskRepository {

    @PersistenceContext(unitName = "marketplace")
    EntityManager em;

    @Override
    public void add(Task task) {
        em.persist(task);
    }

    @Override
    public Optional<Task> find(UUID id) {
        return Optional.ofNullable(em.find(Task.class, id));
    }

    @Override
    public Task require(UUID id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    @Override
    public Task lock(UUID id) {
        return RowLocks.lockFresh(em, Task.class, id).orElseThrow(() -> notFound(id));
    }

    @Override
    public Optional<Task> byIdempotencyKey(String organization, String key) {
        return em.createQuery("select t from Task t where t.organization = :org and t.idempotencyKey = :key", Task.class)
                .setParameter("org", organization).setParameter("key", key).getResultStream().findFirst();
    }

    @Override
    public List<Task> page(String organization, TaskStatus status, String challengeType, int limit, int offset) {
        TypedQuery<Task> query = em.createQuery("select t from Task t" + where(organization, status, challengeType)
                + " order by t.createdAt desc, t.id", Task.class);
        bind(query, organization, status, challengeType);
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(String organization, TaskStatus status, String challengeType) {
        TypedQuery<Long> query = em.createQuery("select count(t) from Task t" + where(organization, status, challengeType), Long.class);
        bind(query, organization, status, challengeType);
        return query.getSingleResult();
    }

    @Override
    public java.util.Map<UUID, TaskStatus> statuses(java.util.Collection<UUID> ids, String organization) {
        java.util.Map<UUID, TaskStatus> statuses = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return statuses;
        }
        TypedQuery<Object[]> query = em.createQuery("select t.id, t.status from Task t where t.id in :ids"
                + (organization == null ? "" : " and t.organization = :org"), Object[].class).setParameter("ids", ids);
        if (organization != null) {
            query.setParameter("org", organization);
        }
        query.getResultList().forEach(row -> statuses.put((UUID) row[0], (TaskStatus) row[1]));
        return statuses;
    }

    @Override
    public void markStarted(UUID id) {
        em.createQuery("update Task t set t.status = :running where t.id = :id and t.status = :pending")
                .setParameter("running", TaskStatus.IN_PROGRESS).setParameter("pending", TaskStatus.PENDING)
                .setParameter("id", id).executeUpdate();
    }

    @Override
    public List<Task> overdue(java.time.Instant now, int limit) {
        return em.createQuery("select t from Task t where t.status in :open and t.deadline < :now order by t.deadline", Task.class)
                .setParameter("open", List.of(TaskStatus.PENDING, TaskStatus.IN_PROGRESS)).setParameter("now", now)
                .setMaxResults(limit).getResultList();
    }

    private static String where(String organization, TaskStatus status, String challengeType) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (organization != null) where.append(" and t.organization = :org");
        if (status != null) where.append(" and t.status = :status");
        if (challengeType != null) where.append(" and t.challengeType = :type");
        return where.toString();
    }

    private static void bind(TypedQuery<?> query, String organization, TaskStatus status, String challengeType) {
        if (organization != null) query.setParameter("org", organization);
        if (status != null) query.setParameter("status", status);
        if (challengeType != null) query.setParameter("type", challengeType);
    }

    private static DomainException notFound(UUID id) {
        return DomainException.notFound("task-not-found", "no task " + id);
    }
}
