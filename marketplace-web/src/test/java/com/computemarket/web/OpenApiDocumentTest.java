package com.computemarket.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.operations.api.OpenApiResource;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every JAX-RS operation in this module is in the OpenAPI document, and the document names none that is not. */
class OpenApiDocumentTest {

    @Test
    void theDocumentListsExactlyTheOperationsTheResourcesServe() throws Exception {
        assertEquals(documented(), served());
    }

    static Map<String, TreeSet<String>> documented() throws IOException {
        String yaml;
        try (var in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, TreeSet<String>> operations = new TreeMap<>();
        String section = yaml.substring(yaml.indexOf("\npaths:\n"));
        Matcher m = Pattern.compile("(?m)^  (/[^:]*):\\n((?:    .*\\n|      .*\\n|\\s*\\n)*)").matcher(section + "\n");
        while (m.find()) {
            TreeSet<String> verbs = new TreeSet<>();
            Matcher v = Pattern.compile("(?m)^    (get|post|put|delete):").matcher(m.group(2));
            while (v.find()) {
                verbs.add(v.group(1).toUpperCase());
            }
            operations.put(m.group(1), verbs);
        }
        assertTrue(operations.size() > 5, "paths parsed: " + operations);
        return operations;
    }

    static Map<String, TreeSet<String>> served() throws Exception {
        Map<String, TreeSet<String>> operations = new TreeMap<>();
        var root = Paths.get(OpenApiDocumentTest.class.getResource("/com/computemarket/web/openapi.yaml").toURI())
                .getParent().getParent().getParent().getParent();
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            for (var file : files.filter(f -> f.toString().endsWith("Resource.class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name);
                Path base = type.getAnnotation(Path.class);
                if (base == null) {
                    continue;
                }
                for (Method method : type.getMethods()) {
                    String verb = verb(method);
                    if (verb == null) {
                        continue;
                    }
                    Path sub = method.getAnnotation(Path.class);
                    String path = "/" + base.value().replaceAll("^/|/$", "") + (sub == null ? "" : "/" + sub.value().replaceAll("^/", ""));
                    operations.computeIfAbsent(path, p -> new TreeSet<>()).add(verb);
                }
            }
        }
        return operations;
    }

    static String verb(Method method) {
        if (method.isAnnotationPresent(GET.class)) return "GET";
        if (method.isAnnotationPresent(POST.class)) return "POST";
        if (method.isAnnotationPresent(PUT.class)) return "PUT";
        if (method.isAnnotationPresent(DELETE.class)) return "DELETE";
        return null;
    }
}
