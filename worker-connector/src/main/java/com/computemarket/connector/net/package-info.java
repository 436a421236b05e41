/**
 * Small blocking HTTP calls to Keycloak and the marketplace, and the shared JSON mapper.
 */
package com.computemarket.connector.net;
