/**
 * Values and helpers every context may use: money ({@code Amount}), the authenticated {@code Caller}, the
 * {@code DomainException} that reaches HTTP, after-commit actions, row locks, and the id a JMS message carries
 * ({@code MessageIds}). Depends on no context.
 */
package com.computemarket.shared;
