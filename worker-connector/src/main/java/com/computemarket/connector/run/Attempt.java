package com.computemarket.connector.run;

import com.computemarket.connector.net.Http;
import com.computemarket.workerprotocol.WireCodec;
import com.computemarket.workerprotocol.WireFormatException;
import com.computemarket.workerprotocol.WireMessage;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * One connection attempt: its socket, the welcome it waits for, and how it ended. Frames other than the welcome (and an
 * error answering the hello) go to the session's handler, on the transport's thread.
 */
final class Attempt implements Transport.Listener, Outbox {

    private static final WireCodec CODEC = new WireCodec();

    final CompletableFuture<WireMessage.Welcome> welcome = new CompletableFuture<>();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    volatile Transport.Connection connection;

    private final Terminal terminal;
    private final BiConsumer<Attempt, WireMessage> handler;

    Attempt(Terminal terminal, BiConsumer<Attempt, WireMessage> handler) {
        this.terminal = terminal;
        this.handler = handler;
    }

    @Override
    public void onText(String text) {
        WireMessage message;
        try {
            message = CODEC.decode(text);
        } catch (WireFormatException e) {
            terminal.line("ignored a frame from the server: " + e.getMessage());
            return;
        }
        if (message instanceof WireMessage.Welcome w) {
            welcome.complete(w);
        } else if (message instanceof WireMessage.ErrorMessage error && !welcome.isDone()) {
            welcome.completeExceptionally(new HelloRefused(error));
        } else {
            handler.accept(this, message);
        }
    }

    @Override
    public void onClosed(int status, String reason) {
        end("closed by the server (" + status + (reason == null || reason.isBlank() ? "" : " " + reason) + ")");
    }

    @Override
    public void onError(Throwable error) {
        end("connection lost (" + Http.reason(error) + ")");
    }

    private void end(String why) {
        welcome.completeExceptionally(new IllegalStateException(why));
        closed.complete(why);
    }

    @Override
    public void send(WireMessage message) {
        Transport.Connection c = connection;
        if (c != null && !closed.isDone()) {
            c.send(CODEC.encode(message)).exceptionally(e -> null);
        }
    }

    /** Welcomed and not closed since. */
    boolean connected() {
        return welcome.isDone() && !welcome.isCompletedExceptionally() && !closed.isDone();
    }

    /** The server answered the hello with an error frame. */
    static final class HelloRefused extends RuntimeException {
        final WireMessage.ErrorMessage error;

        HelloRefused(WireMessage.ErrorMessage error) {
            super(error.code() + (error.detail() == null ? "" : ": " + error.detail()));
            this.error = error;
        }
    }
}
