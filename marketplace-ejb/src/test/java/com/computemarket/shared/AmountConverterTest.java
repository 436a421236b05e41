package com.computemarket.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
        for (Class<?> entity : entities()) {
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

    private static List<Class<?>> entities() throws Exception {
        Path classes = Path.of(Amount.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> entities = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, AmountConverterTest.class.getClassLoader());
                if (type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(Embeddable.class)) {
                    entities.add(type);
                }
            }
        }
        return entities;
    }
}
