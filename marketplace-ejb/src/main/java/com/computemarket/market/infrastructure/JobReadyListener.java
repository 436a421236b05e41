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
 * Offers each announced job to a connected worker. Thin: parse the id, call JobDispatch, let failures roll back so the
 * broker redelivers and finally parks the message on JobReadyDLQ. Concurrency: cm.dispatch.listeners (a system
 * property, resolved because 21-dispatch.cli turns on annotation property replacement), default 8.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/JobReadyQueue"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${cm.dispatch.listeners:8}")})
public class JobReadyListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(JobReadyListener.class.getName());

    @Inject
    JobDispatch dispatch;

    @Override
    public void onMessage(Message message) {
        try {
            UUID jobId = MessageIds.idOf(message);
            if (jobId == null) {
                LOG.warning(() -> "JobReady message " + messageId(message) + " carries no job id; dropped");
                return;
            }
            int round = message.propertyExists(JmsDispatchQueues.OFFER_ROUND) ? message.getIntProperty(JmsDispatchQueues.OFFER_ROUND) : 0;
            dispatch.offer(jobId, round);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read JobReady message", e);
        }
    }

    static String messageId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "?";
        }
    }
}
