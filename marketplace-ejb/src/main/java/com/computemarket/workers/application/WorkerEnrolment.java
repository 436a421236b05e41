package com.computemarket.workers.application;

import com.computemarket.shared.Caller;
import com.computemarket.shared.ChallengeType;
import com.computemarket.shared.DomainException;
import com.computemarket.workers.domain.AddressProof;
import com.computemarket.workers.domain.EnrolmentChallenge;
import com.computemarket.workers.domain.EnrolmentChallengeRepository;
import com.computemarket.workers.domain.EnrolmentMessage;
import com.computemarket.workers.domain.Worker;
import com.computemarket.workers.domain.WorkerRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Enrolment of a worker by its operator: a server nonce first, then the worker's address proven by a signature over
 * the enrolment message (docs/protocol/worker-enrolment.md). Every field is checked before the nonce is
 * touched, and a refused enrolment changes nothing (the transaction rolls back), so the nonce stays usable.
 */
@Stateless
public class WorkerEnrolment {

    private static final Logger LOG = Logger.getLogger(WorkerEnrolment.class.getName());
    private static final Pattern NONCE = Pattern.compile("[0-9a-fA-F]{" + 2 * EnrolmentChallenge.NONCE_BYTES + "}");

    @Inject WorkerRepository workers;
    @Inject EnrolmentChallengeRepository challenges;
    @Inject WorkerSettings settings;
    @Inject Clock clock;

    /**
     * Issues a nonce bound to the caller. With an address the message is complete (and an address already enrolled is
     * refused at once, 409); without one it carries {@value EnrolmentMessage#ADDRESS_PLACEHOLDER} for the worker to fill in.
     */
    public ChallengeIssued issueChallenge(Caller caller, String address) {
        String shownAddress = EnrolmentMessage.ADDRESS_PLACEHOLDER;
        if (address != null) {
            shownAddress = AddressProof.requireAddress(address);
            requireFree(address);
        }
        EnrolmentChallenge challenge = EnrolmentChallenge.issue(caller.subject(), clock.instant(), settings.challengeTtl());
        challenges.add(challenge);
        return new ChallengeIssued(challenge.nonce(),
                EnrolmentMessage.text(caller.subject(), shownAddress, challenge.nonce()), challenge.expiresAt());
    }

    /** Enrols the worker when the proof holds for an unused, unexpired nonce of the caller's and the address is free. */
    public WorkerDetails enrol(Caller caller, EnrolWorker request) {
        if (request.nonce() == null || !NONCE.matcher(request.nonce()).matches()) {
            throw DomainException.invalid("invalid-nonce", "nonce must be the " + 2 * EnrolmentChallenge.NONCE_BYTES
                    + " hex characters of an enrolment challenge");
        }
        String nonce = request.nonce().toLowerCase(Locale.ROOT);
        AddressProof proof = AddressProof.parse(request.address(), request.publicKey(), request.signature());
        Set<ChallengeType> types = EnumSet.noneOf(ChallengeType.class);
        request.challengeTypes().forEach(t -> types.add(ChallengeType.parse(t)));
        Worker.requireInventory(request.gpus(), types);

        Instant now = clock.instant();
        challenges.lock(nonce).orElseThrow(EnrolmentChallenge::unknown).consume(caller.subject(), now);
        proof.verify(EnrolmentMessage.bytes(caller.subject(), proof.address(), nonce));
        requireFree(proof.address());

        Worker worker = new Worker(UUID.randomUUID(), caller.subject(), caller.username(), proof, request.gpus(), types, now);
        workers.add(worker);
        LOG.info(() -> "Enrolled worker " + worker.id() + " at " + worker.address() + " for operator " + caller.username()
                + " (" + worker.gpus().size() + " gpus, " + types + ")");
        return WorkerDetails.of(worker);
    }

    private void requireFree(String address) {
        workers.findByAddress(address).ifPresent(w -> {
            throw addressTaken(address);
        });
    }

    public static DomainException addressTaken(String address) {
        return DomainException.conflict("address-taken", "address " + address + " is already enrolled as a worker");
    }
}
