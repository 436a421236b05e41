/**
 * Operations: what the people who run ComputeMarket need to see of it, such as the health of the parts it
 * depends on (database, broker, L1 node, identity provider). Owns no business data.
 */
package com.computemarket.operations;
