/**
 * Catalogue: the models the platform offers for useful work (embedding, text generation), their prices, and their
 * files, stored content-addressed and served to enrolled workers. Owns Model; other contexts refer to it by ModelId.
 */
package com.computemarket.catalogue;
