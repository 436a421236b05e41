/**
 * The Keycloak login: OIDC grants, the cached token beside the keystore, refresh, and reading a token's claims.
 */
package com.computemarket.connector.auth;
