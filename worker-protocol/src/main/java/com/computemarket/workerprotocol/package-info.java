/**
 * The worker WebSocket protocol: its messages as records and their JSON codec.
 * No server dependencies; the marketplace, the worker connector and the load driver share it.
 */
package com.computemarket.workerprotocol;
