package com.computemarket.connector.cli;

/**
 * The exit codes of worker-connector; docs/worker-connector.md lists them. Each failure prints one line on stderr
 * ({@code error: …}); {@code --verbose} adds the stack trace.
 */
public final class ExitCodes {

    /** Done. */
    public static final int OK = 0;
    /** A bug: something the connector did not expect (the line says what; --verbose shows the trace). */
    public static final int INTERNAL = 1;
    /** A wrong command line: unknown command or option, a bad value. */
    public static final int USAGE = 2;
    /** The keystore: missing, already there, wrong passphrase, no passphrase, not readable. */
    public static final int KEYSTORE = 3;
    /** The login: Keycloak refused it (bad credentials, denied, device code expired) or no login is cached. */
    public static final int LOGIN = 4;
    /** A server could not be reached (Keycloak or the marketplace): refused connection, timeout, unknown host. */
    public static final int UNREACHABLE = 5;
    /** The marketplace refused a request: enrolment refused (its problem+json detail), hello refused, handshake 401/403. */
    public static final int REFUSED = 6;
    /** No backend in this build for the challenge type asked for, or {@code --backend gpu} without a usable GPU. */
    public static final int BACKEND_UNAVAILABLE = 7;
    /** gpucheck: a GPU result differs from the CPU's (the backend is not bit-identical on this device); models pull/verify: a model file's SHA-256 is not the one the catalogue names. */
    public static final int CHECK_FAILED = 8;
    /** Stopped by SIGINT/SIGTERM before the work was done (run: after the clean shutdown). */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
