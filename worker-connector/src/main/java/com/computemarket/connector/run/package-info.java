/**
 * The job loop over the {@code /worker} socket: {@code WorkerSession} coordinates the reconnect loop, the job slots and
 * the conversation with the verifier; the transport, backoff, run log and result signer it uses.
 */
package com.computemarket.connector.run;
