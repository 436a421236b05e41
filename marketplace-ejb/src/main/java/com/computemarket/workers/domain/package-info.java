/** The Worker aggregate, the enrolment challenge and proof, and the repository ports. */
package com.computemarket.workers.domain;
