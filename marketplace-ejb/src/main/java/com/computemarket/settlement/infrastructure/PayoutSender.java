package com.computemarket.settlement.infrastructure;

import com.computemarket.shared.MessageIds;
import com.computemarket.settlement.application.PayoutDelivery;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Delivers payouts one at a time (one session: the platform wallet's nonces go out in order). Failing deliveries
 * (L1 unreachable, transaction undecided) throw, so the broker redelivers with backoff (config/cli/22-payouts.cli).
 * The listener's own transaction only holds the message: a delivery that outlives the transaction timeout (the
 * confirmation wait is cm.chain.confirmation-timeout, PT2M) just comes back as a redelivery, every step being recorded.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/ChainTransactionQueue"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = JmsPayoutQueue.KIND + " = '" + JmsPayoutQueue.PAYOUT + "'"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")})
public class PayoutSender implements MessageListener {

    private static final Logger LOG = Logger.getLogger(PayoutSender.class.getName());

    @Inject PayoutDelivery delivery;

    @Override
    public void onMessage(Message message) {
        UUID id;
        try {
            id = MessageIds.idOf(message);
        } catch (JMSException e) {
            LOG.severe(() -> "dropping an unreadable payout message: " + e);
            return;
        }
        if (id == null) {
            LOG.severe("dropping a payout message that names no payout");
            return;
        }
        var status = delivery.deliver(id);
        LOG.fine(() -> "payout " + id + " delivered: " + status);
    }
}
