/**
 * Values every context uses: money ({@link com.computemarket.shared.Amount}), the authenticated
 * {@link com.computemarket.shared.Caller}, and the {@link com.computemarket.shared.DomainException} that reaches HTTP.
 */
package com.computemarket.shared;
