/** The workers API: enrolment challenges and enrolment, the worker list and detail, admin suspension. */
package com.computemarket.workers.api;
