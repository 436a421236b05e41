package com.computemarket.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bounded contexts talk to each other only through {@code application} services, ports and value records: no class
 * of one context depends on another context's {@code domain} or {@code infrastructure} package. Runs over the main
 * classes of marketplace-ejb (the contexts) and marketplace-web (their {@code api} packages, which belong to the
 * context they are named after). {@code shared} may be used by all. docs/architecture.md draws what this keeps true:
 * a new call between contexts goes through an application service or port, and into that diagram.
 */
class ContextBoundariesTest {

    static final String ROOT = "com.computemarket";
    static final List<String> CONTEXTS = List.of("accounts", "billing", "market", "workers", "verification", "settlement",
            "reporting", "operations");

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(CONTEXTS.stream().map(c -> ROOT + "." + c).toArray(String[]::new));

    @Test
    void noContextReachesIntoAnotherContextsDomainOrInfrastructure() {
        for (String context : CONTEXTS) {
            String[] foreign = CONTEXTS.stream().filter(other -> !other.equals(context))
                    .flatMap(other -> Stream.of(ROOT + "." + other + ".domain..", ROOT + "." + other + ".infrastructure.."))
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage(ROOT + "." + context + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(foreign)
                    .because("contexts call each other through application services, ports and value records")
                    .check(classes);
        }
    }

    @Test
    void layersPointOneWayDomainKnowsNoApplicationOrInfrastructure() {
        noClasses().that().resideInAPackage(ROOT + ".*.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".*.application..", ROOT + ".*.infrastructure..")
                .because("a domain is the innermost layer: application services use it, never the other way")
                .check(classes);
        noClasses().that().resideInAPackage(ROOT + ".*.application..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".*.infrastructure..")
                .because("application services reach infrastructure only through ports")
                .check(classes);
    }

    @Test
    void reportingReadsThroughTheOtherContextsNotTheirTables() {
        noClasses().that().resideInAPackage(ROOT + ".reporting..")
                .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .because("reporting owns no table: it reads through the other contexts' application services")
                .check(classes);
    }
}
