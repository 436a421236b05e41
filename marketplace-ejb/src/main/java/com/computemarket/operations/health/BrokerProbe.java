package com.computemarket.operations.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.util.Collections;
import java.util.Map;

/** Browses one of the application's queues: proves the broker takes connections and the queue exists. */
@ApplicationScoped
public class BrokerProbe {

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "java:/jms/queue/ChainTransactionQueue")
    Queue queue;

    public Check probe() {
        try (JMSContext context = connectionFactory.createContext(); QueueBrowser browser = context.createBrowser(queue)) {
            int depth = Collections.list(browser.getEnumeration()).size();
            return Check.up(Map.of("queue", queue.getQueueName(), "depth", depth));
        } catch (JMSRuntimeException | jakarta.jms.JMSException e) {
            return Check.down(e);
        }
    }
}
