/**
 * The web portal: Jakarta Faces pages and a few servlets (downloads, live status, logout) over the EJB application
 * services, with the same {@code shared.Caller} rules as the API. No domain rule lives here.
 */
package com.computemarket.portal;
