/**
 * Workers: the GPU machines operators enrol (address proven by a signed server nonce), their inventory,
 * suspension and reputation. Owns Worker and EnrolmentChallenge; other contexts refer to a worker by its UUID.
 */
package com.computemarket.workers;
