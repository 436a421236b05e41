package com.computemarket.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Column;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmountConverterTest {

    private final AmountConverter converter = new AmountConverter();

    @Test
    void anAmountIsStoredAsItsWeiAndReadBackExactly() {
        Amount amount = Amount.parseCpc("a", "123456789012.000000000000000001");
        BigDecimal column = converter.convertToDatabaseColumn(amount);
        assertEquals(new BigDecimal("123456789012000000000000000001"), column);
        assertEquals(amount, converter.convertToEntityAttribute(column));
        assertNull(converter.convertToDatabaseColumn(null));
        assertNull(converter.convertToEntityAttribute(null));
    }

    @Test
    void queryAnswersOfEveryShapeReadAsAmounts() {
        assertEquals(Amount.ZERO, AmountConverter.fromQuery(null));
        assertEquals(Amount.ofWei(7), AmountConverter.fromQuery(Amount.ofWei(7)));
        assertEquals(Amount.ofWei(7), AmountConverter.fromQuery(new BigDecimal("7")));
        assertEquals(Amount.ofWei(7), AmountConverter.fromQuery(BigInteger.valueOf(7)));
    }

    /** Money columns stay NUMERIC(38,0), so databases created by earlier versions still validate. */
    @Test
    void everyAmountFieldOfEveryEntityIsANumeric38Column() throws Exception {
        List<String> amounts = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Class<?> entity : PersistentEnumColumnsTest.entities()) {
            for (Field field : entity.getDeclaredFields()) {
                if (field.getType() == BigInteger.class && !field.getName().toLowerCase().contains("nonce")) {
                    wrong.add(entity.getSimpleName() + "." + field.getName() + " is BigInteger, not Amount");
                }
                if (field.getType() != Amount.class) {
                    continue;
                }
                amounts.add(entity.getSimpleName() + "." + field.getName());
                Column column = field.getAnnotation(Column.class);
                if (column == null || column.precision() != 38 || column.scale() != 0) {
                    wrong.add(entity.getSimpleName() + "." + field.getName() + " is not precision = 38, scale = 0");
                }
            }
        }
        assertTrue(amounts.size() >= 13, "the entities' Amount fields were found: " + amounts);
        assertEquals(List.of(), wrong);
    }
}
