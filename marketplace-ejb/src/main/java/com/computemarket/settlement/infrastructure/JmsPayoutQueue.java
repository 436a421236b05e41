package com.computemarket.settlement.infrastructure;

import com.computemarket.settlement.application.PayoutQueue;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.util.UUID;

/**
 * Delivery requests on ChainTransactionQueue through the XA connection factory, so a message exists exactly when the
 * payout it names was committed. Tagged {@code cmKind=payout}: the queue may carry other chain work too.
 */
@ApplicationScoped
public class JmsPayoutQueue implements PayoutQueue {

    static final String KIND = "cmKind";
    static final String PAYOUT = "payout";

    @Inject @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Resource(lookup = "java:/jms/queue/ChainTransactionQueue")
    Queue queue;

    @Override
    public void deliver(UUID payoutId) {
        jms.createProducer().setProperty(KIND, PAYOUT).send(queue, payoutId.toString());
    }
}
