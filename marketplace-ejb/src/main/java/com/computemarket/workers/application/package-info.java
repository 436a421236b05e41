/** Use cases: enrolment, the directory other contexts ask, reputation and suspension; the transaction boundary. */
package com.computemarket.workers.application;
