package com.computemarket.verification.infrastructure;

import com.computemarket.shared.MessageIds;
import com.computemarket.verification.application.ResultVerification;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Starts the verification of each submitted result (ResultSubmittedQueue, text = job id), in the message's XA
 * transaction: the L1 down or the database busy rolls it back and the broker redelivers it.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/ResultSubmittedQueue"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")})
public class ResultSubmittedListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ResultSubmittedListener.class.getName());

    @Inject ResultVerification verification;

    @Override
    public void onMessage(Message message) {
        UUID jobId;
        try {
            jobId = MessageIds.idOf(message);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read a ResultSubmitted message", e);
        }
        if (jobId == null) {
            LOG.warning("dropped a ResultSubmitted message that names no job");
            return;
        }
        verification.begin(jobId);
    }
}
