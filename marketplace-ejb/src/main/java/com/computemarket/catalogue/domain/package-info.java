/** The Model aggregate, its id, kind, files and prices, and the repository port. */
package com.computemarket.catalogue.domain;
