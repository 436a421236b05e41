/** JPA model repository, the content-addressed file store on disk, and the adapter to the workers context. */
package com.computemarket.catalogue.infrastructure;
