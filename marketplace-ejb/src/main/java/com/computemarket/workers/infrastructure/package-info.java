/** JPA implementations of the workers' repository ports. */
package com.computemarket.workers.infrastructure;
