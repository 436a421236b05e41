package com.computemarket.connector.run;

import static com.computemarket.connector.run.Terminal.seconds;

import com.computemarket.connector.cli.CliException;
import com.computemarket.connector.cli.ExitCodes;
import com.computemarket.workerprotocol.WireMessage;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Connects with the bearer token, says hello, heartbeats at the welcome's interval while the socket lives, and
 * reconnects with {@link Backoff} until the stop. A handshake 401 refreshes the token once; a refusal (401 again, 403,
 * an error answering the hello) or a first connection that fails without {@code --wait-for-server} ends it with a
 * {@link CliException}. As an {@link Outbox} it sends on the current attempt.
 */
final class ReconnectLoop implements Outbox {

    /** What {@link #attempt} answers when the token was refreshed: connect again at once. */
    private static final String AGAIN_NOW = null;

    private final WorkerSession.Settings settings;
    private final Transport transport;
    private final Supplier<String> token;
    private final Runnable tokenRejected;
    private final Terminal terminal;
    private final Backoff backoff;
    private final ScheduledExecutorService timers;
    private final Lifecycle lifecycle;
    private final BiConsumer<Attempt, WireMessage> handler;
    private final Consumer<Outbox> welcomed;
    private final AtomicReference<Attempt> current = new AtomicReference<>();
    // only the thread in serve() touches these
    private int failures;
    private boolean everWelcomed;
    private boolean retriedToken;

    /**
     * @param handler  every frame but the welcome, with the attempt it came on
     * @param welcomed called with the attempt after each welcome (to send the results not yet acknowledged)
     */
    ReconnectLoop(WorkerSession.Settings settings, Transport transport, Supplier<String> token, Runnable tokenRejected,
                  Terminal terminal, Backoff backoff, ScheduledExecutorService timers, Lifecycle lifecycle,
                  BiConsumer<Attempt, WireMessage> handler, Consumer<Outbox> welcomed) {
        this.settings = settings;
        this.transport = transport;
        this.token = token;
        this.tokenRejected = tokenRejected;
        this.terminal = terminal;
        this.backoff = backoff;
        this.timers = timers;
        this.lifecycle = lifecycle;
        this.handler = handler;
        this.welcomed = welcomed;
    }

    /** Serves until the stop (or an interrupt, kept on the thread); throws {@link CliException} on a fatal refusal. */
    void serve() {
        try {
            while (!lifecycle.stopping()) {
                Attempt attempt = new Attempt(terminal, handler);
                String lost = attempt(attempt);
                if (lost == AGAIN_NOW) {
                    continue;
                }
                if (lifecycle.stopping()) {
                    closeIfLate(attempt);
                    return;
                }
                Duration delay = backoff.delay(failures++);
                terminal.line(lost + "; reconnecting in " + seconds(delay.toMillis()));
                if (lifecycle.awaitStopRequest(delay.toMillis())) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One connection, served until it closes or the stop: why it ended, or {@link #AGAIN_NOW}. */
    private String attempt(Attempt attempt) throws InterruptedException {
        ScheduledFuture<?> heartbeat = null;
        try {
            attempt.connection = transport.connect(settings.uri(), token.get(), attempt);
            current.set(attempt);
            attempt.send(new WireMessage.Hello(settings.workerAddress(), settings.capacity(), settings.challengeTypes(),
                    settings.models()));
            WireMessage.Welcome welcome = attempt.welcome.get(settings.helloTimeout().toMillis(), TimeUnit.MILLISECONDS);
            everWelcomed = true;
            retriedToken = false;
            failures = 0;
            long every = welcome.heartbeatIntervalMs() > 0 ? welcome.heartbeatIntervalMs() : 10_000;
            terminal.line("connected to " + settings.uri() + " as worker " + welcome.workerId() + " ("
                    + settings.workerAddress() + "), " + settings.capacity() + " slot" + (settings.capacity() == 1 ? "" : "s")
                    + ", heartbeat every " + seconds(every));
            heartbeat = timers.scheduleAtFixedRate(() -> attempt.send(new WireMessage.Heartbeat()), every, every,
                    TimeUnit.MILLISECONDS);
            welcomed.accept(attempt);
            return awaitClosedOrStop(attempt);
        } catch (Transport.ConnectFailure f) {
            return connectFailed(f);
        } catch (ExecutionException e) {
            return helloFailed(attempt, e.getCause());
        } catch (TimeoutException e) {
            attempt.connection.close("no welcome");
            return "no welcome within " + seconds(settings.helloTimeout().toMillis());
        } catch (CliException e) {
            return loginFailed(e);
        } finally {
            if (heartbeat != null) {
                heartbeat.cancel(false);
            }
        }
    }

    private String connectFailed(Transport.ConnectFailure f) {
        if (f.status() == 401 && !retriedToken) {
            retriedToken = true;
            tokenRejected.run();
            return AGAIN_NOW;
        }
        if (f.status() == 401 || f.status() == 403) {
            throw new CliException(ExitCodes.REFUSED, "the marketplace refused the worker socket (" + f.status() + "): "
                    + (f.status() == 401 ? "the login was not accepted; run `worker-connector login`"
                    : "the login has no worker role"));
        }
        String lost = "cannot connect to " + settings.uri() + ": " + f.getMessage();
        if (!everWelcomed && !settings.waitForServer()) {
            throw new CliException(f.status() == 0 ? ExitCodes.UNREACHABLE : ExitCodes.REFUSED,
                    lost + (f.status() == 0 ? " (--wait-for-server retries)" : ""), f);
        }
        return lost;
    }

    private String helloFailed(Attempt attempt, Throwable cause) {
        if (cause instanceof Attempt.HelloRefused refused && !"try-again".equals(refused.error.code())) {
            attempt.connection.close("hello refused");
            throw new CliException(ExitCodes.REFUSED, "the marketplace refused this worker: " + refused.getMessage());
        }
        attempt.connection.close("no welcome");
        return "hello not answered: " + cause.getMessage();
    }

    /** The login failed: Keycloak down is worth waiting for once we have served; a refusal is not. */
    private String loginFailed(CliException e) {
        if (e.exitCode() != ExitCodes.UNREACHABLE || (!everWelcomed && !settings.waitForServer())) {
            throw e;
        }
        return e.getMessage();
    }

    private String awaitClosedOrStop(Attempt attempt) throws InterruptedException {
        while (true) {
            try {
                return attempt.closed.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (lifecycle.stopping()) {
                    lifecycle.awaitStoppedInterruptibly();
                    return "stopped";
                }
            } catch (ExecutionException e) {
                return "connection lost";
            }
        }
    }

    /** A socket opened while the shutdown ran is closed here; the shutdown closes the one it saw. */
    private void closeIfLate(Attempt attempt) {
        Transport.Connection late = attempt.connection;
        if (late != null && current.get() != attempt) {
            late.close("worker shutting down");
        }
    }

    @Override
    public void send(WireMessage message) {
        Attempt a = current.get();
        if (a != null) {
            a.send(message);
        }
    }

    boolean connected() {
        Attempt a = current.get();
        return a != null && a.connected();
    }

    /** Closes the current socket, if any. */
    void close(String reason) {
        Attempt a = current.get();
        if (a != null && a.connection != null) {
            a.connection.close(reason);
        }
    }
}
