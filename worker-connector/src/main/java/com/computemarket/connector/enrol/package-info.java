/**
 * Enrolment (docs/protocol/worker-enrolment.md): binding the key's address to the operator's account, with the GPUs found here.
 */
package com.computemarket.connector.enrol;
