package com.computemarket.operations.health;

import java.util.Map;

/** Every dependency's check, by name; the system is up only when all of them are. */
public record HealthReport(Map<String, Check> checks) {

    public boolean up() {
        return checks.values().stream().allMatch(Check::up);
    }
}
