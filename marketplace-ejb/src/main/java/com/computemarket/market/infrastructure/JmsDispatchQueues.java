package com.computemarket.market.infrastructure;

import com.computemarket.market.application.DispatchEvents;
import com.computemarket.market.application.JobQueue;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.time.Duration;
import java.util.UUID;

/**
 * Dispatch's messages on the embedded Artemis broker, sent through the XA pooled connection factory (java:/JmsXA)
 * so each one commits or rolls back with the caller's database work. Each is a TextMessage whose text is the job id.
 */
@ApplicationScoped
public class JmsDispatchQueues implements JobQueue, DispatchEvents {

    /** On JobReady messages re-sent because no worker was free: how many offers found none. */
    public static final String OFFER_ROUND = "offerRound";
    /** On JobDeadLetter messages: why the job died. */
    public static final String REASON = "reason";
    /** On JobDeadLetter messages: the task that failed with it. */
    public static final String TASK_ID = "taskId";

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;
    @Resource(lookup = "java:/jms/queue/JobReadyQueue")
    Queue jobReady;
    @Resource(lookup = "java:/jms/queue/ResultSubmittedQueue")
    Queue resultSubmitted;
    @Resource(lookup = "java:/jms/queue/JobDeadLetterQueue")
    Queue jobDeadLetter;

    @Override
    public void ready(UUID jobId) {
        jms.createProducer().send(jobReady, jobId.toString());
    }

    @Override
    public void retry(UUID jobId, int round, Duration delay) {
        jms.createProducer().setDeliveryDelay(delay.toMillis()).setProperty(OFFER_ROUND, round).send(jobReady, jobId.toString());
    }

    @Override
    public void resultSubmitted(UUID jobId) {
        jms.createProducer().send(resultSubmitted, jobId.toString());
    }

    @Override
    public void jobDeadLettered(UUID jobId, UUID taskId, String reason) {
        jms.createProducer().setProperty(TASK_ID, taskId.toString()).setProperty(REASON, reason)
                .send(jobDeadLetter, jobId.toString());
    }
}
