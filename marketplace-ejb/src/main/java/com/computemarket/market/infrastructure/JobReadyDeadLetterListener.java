package com.computemarket.market.infrastructure;

import com.computemarket.shared.MessageIds;
import com.computemarket.market.application.JobDispatch;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * JobReady messages the broker gave up on (every delivery failed; see the address setting in 21-dispatch.cli) land on
 * JobReadyDLQ: their job is dead-lettered and its task failed, instead of staying QUEUED for ever.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/JobReadyDLQ"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")})
public class JobReadyDeadLetterListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(JobReadyDeadLetterListener.class.getName());

    @Inject
    JobDispatch dispatch;

    @Override
    public void onMessage(Message message) {
        try {
            UUID jobId = MessageIds.idOf(message);
            if (jobId == null) {
                LOG.warning(() -> "undeliverable JobReady message " + JobReadyListener.messageId(message) + " carries no job id; dropped");
                return;
            }
            int deliveries = message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : 0;
            dispatch.deadLetter(jobId, "its JobReady message could not be processed (dead-lettered by the broker"
                    + (deliveries > 0 ? ", delivery " + deliveries : "") + ")");
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read dead-lettered JobReady message", e);
        }
    }
}
