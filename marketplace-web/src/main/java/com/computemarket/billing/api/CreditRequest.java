package com.computemarket.billing.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * POST /api/admin/credits: which organization, how much (a decimal CPC string such as "12.5", checked by the
 * service) and why. The service checks the alias and the amount; the shape is checked here.
 */
public record CreditRequest(
        @NotBlank(message = "organization is required, an organization alias")
        @Size(max = 64, message = "organization must be at most 64 characters") String organization,
        @NotBlank(message = "amount is required, a decimal CPC string such as \"10.0\"")
        @Size(max = 80, message = "amount must be at most 80 characters") String amount,
        @NotBlank(message = "reason is required (up to 500 characters)")
        @Size(max = 500, message = "reason must be at most 500 characters") String reason) {
}
