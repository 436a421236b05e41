package com.computemarket.workers.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Workers by id, by address, by operator. */
public interface WorkerRepository {
    /** Adds a new worker; a second worker with the same address is refused with 409 address-taken. */
    void add(Worker worker);
    Optional<Worker> find(UUID id);
    /** Locks the row (PESSIMISTIC_WRITE) so that reputation updates and suspensions serialise. */
    Optional<Worker> lock(UUID id);
    Optional<Worker> findByAddress(String address);
    List<Worker> ofOperator(String operatorSubject);
    /** A page in enrolment order, of one operator's workers or (empty) of all. */
    List<Worker> page(Optional<String> operatorSubject, int limit, int offset);
    long count(Optional<String> operatorSubject);
}
