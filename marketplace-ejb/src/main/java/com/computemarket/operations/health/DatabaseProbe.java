package com.computemarket.operations.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

@ApplicationScoped
public class DatabaseProbe {

    @Resource(lookup = "java:jboss/datasources/MarketplaceDS")
    DataSource dataSource;

    public Check probe() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(2)) {
                return Check.down(new SQLException("connection is not valid"));
            }
            DatabaseMetaData meta = connection.getMetaData();
            return Check.up(Map.of("product", meta.getDatabaseProductName(), "version", meta.getDatabaseProductVersion()));
        } catch (SQLException | RuntimeException e) {
            return Check.down(e);
        }
    }
}
