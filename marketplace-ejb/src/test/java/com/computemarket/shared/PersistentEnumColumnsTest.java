package com.computemarket.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every persistent enum is stored by name in a declared varchar column, never in H2's native ENUM type, which H2
 * turns into the ordinal when it commits an XA transaction recovered after a crash (docs/decisions/0004).
 */
class PersistentEnumColumnsTest {

    @Test
    void everyEnumFieldOfEveryEntityAndEmbeddableIsAVarcharHoldingTheName() throws Exception {
        List<Field> enums = new ArrayList<>();
        for (Class<?> entity : entities()) {
            for (Field field : entity.getDeclaredFields()) {
                if (enumType(field) != null) {
                    enums.add(field);
                }
            }
        }
        assertTrue(enums.size() >= 9, "the entities' enum fields were found: " + enums);
        List<String> wrong = new ArrayList<>();
        for (Field field : enums) {
            Enumerated enumerated = field.getAnnotation(Enumerated.class);
            Column column = field.getAnnotation(Column.class);
            if (enumerated == null || enumerated.value() != EnumType.STRING || column == null
                    || !column.columnDefinition().matches("varchar\\(\\d+\\)")) {
                wrong.add(field.getDeclaringClass().getSimpleName() + "." + field.getName());
            } else {
                int length = Integer.parseInt(column.columnDefinition().replaceAll("\\D", ""));
                for (Object constant : enumType(field).getEnumConstants()) {
                    assertTrue(((Enum<?>) constant).name().length() <= length, constant + " fits " + field);
                }
            }
        }
        assertEquals(List.of(), wrong, "enum fields without @Enumerated(STRING) and columnDefinition = \"varchar(n)\"");
    }

    private static Class<?> enumType(Field field) {
        Class<?> type = field.getType();
        if (type.isEnum()) {
            return type;
        }
        if (field.getGenericType() instanceof ParameterizedType generic && generic.getActualTypeArguments().length == 1
                && generic.getActualTypeArguments()[0] instanceof Class<?> element && element.isEnum()) {
            return element;
        }
        return null;
    }

    /** The entities and embeddables of this module's main classes (also read by AmountConverterTest). */
    static List<Class<?>> entities() throws Exception {
        Path classes = Path.of(Amount.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> entities = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, PersistentEnumColumnsTest.class.getClassLoader());
                if (type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(Embeddable.class)) {
                    entities.add(type);
                }
            }
        }
        return entities;
    }
}
