package com.computemarket.operations.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/** Probes each part ComputeMarket depends on; no probe throws, a failing part is reported as down. */
@ApplicationScoped
public class SystemHealth {

    @Inject DatabaseProbe database;
    @Inject BrokerProbe broker;
    @Inject ChainProbe chain;
    @Inject IdentityProviderProbe identity;

    public HealthReport check() {
        Map<String, Check> checks = new LinkedHashMap<>();
        checks.put("database", database.probe());
        checks.put("broker", broker.probe());
        checks.put("l1", chain.probe());
        checks.put("identity", identity.probe());
        return new HealthReport(checks);
    }
}
