package com.computemarket.shared;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.UUID;

/** What every listener reads first: the id a JMS text message carries (its whole text). */
public final class MessageIds {

    private MessageIds() {
    }

    /**
     * The id the message's text names, or null when it is no text message or its text is no UUID: such a message can
     * never succeed, so listeners drop it. A broker failure while reading stays a {@link JMSException} (redelivered).
     */
    public static UUID idOf(Message message) throws JMSException {
        if (!(message instanceof TextMessage text) || text.getText() == null) {
            return null;
        }
        try {
            return UUID.fromString(text.getText().trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
