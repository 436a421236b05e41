package com.computemarket.shared;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Every {@link Amount} attribute of every entity, stored as its wei in a NUMERIC(38,0) column (the entities keep
 * {@code precision = 38, scale = 0}, so the schema is the one earlier versions created). Applied automatically.
 */
@Converter(autoApply = true)
public class AmountConverter implements AttributeConverter<Amount, BigDecimal> {

    @Override
    public BigDecimal convertToDatabaseColumn(Amount amount) {
        return amount == null ? null : new BigDecimal(amount.wei());
    }

    @Override
    public Amount convertToEntityAttribute(BigDecimal column) {
        return column == null ? null : Amount.ofWei(column.toBigIntegerExact());
    }

    /**
     * An amount a JPQL query answers: an Amount attribute selected as such, or a sum or difference of them (which
     * Hibernate answers as the column's BigDecimal); null (the sum of no rows) is zero.
     */
    public static Amount fromQuery(Object value) {
        if (value == null) {
            return Amount.ZERO;
        }
        if (value instanceof Amount amount) {
            return amount;
        }
        if (value instanceof BigDecimal decimal) {
            return Amount.ofWei(decimal.toBigIntegerExact());
        }
        if (value instanceof BigInteger integer) {
            return Amount.ofWei(integer);
        }
        return Amount.ofWei(new BigDecimal(value.toString()).toBigIntegerExact());
    }
}
