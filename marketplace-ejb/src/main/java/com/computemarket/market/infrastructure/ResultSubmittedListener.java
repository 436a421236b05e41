package com.computemarket.market.infrastructure;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * STAND-IN until verification (issue 4): it only logs each submitted result and leaves the job SUBMITTED. Issue 4
 * replaces it with the verifier's listener on the same queue (java:/jms/queue/ResultSubmittedQueue, text = job id).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/ResultSubmittedQueue"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")})
public class ResultSubmittedListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ResultSubmittedListener.class.getName());

    @Override
    public void onMessage(Message message) {
        try {
            UUID jobId = JmsDispatchQueues.jobId(message);
            LOG.info(() -> "result submitted for job " + jobId + "; awaiting verification (not wired yet, issue 4)");
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read ResultSubmitted message", e);
        }
    }
}
