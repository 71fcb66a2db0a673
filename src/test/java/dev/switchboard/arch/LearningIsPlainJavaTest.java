package dev.switchboard.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The bandit math stays plain Java: no framework, persistence or metrics types in the learning package. */
class LearningIsPlainJavaTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.switchboard");

    @Test
    void learningImportsNoFrameworkTypes() {
        noClasses().that().resideInAPackage("dev.switchboard.learning..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "javax..",
                        "org.hibernate..", "io.micrometer..", "io.vertx..", "com.fasterxml..", "dev.switchboard.service..",
                        "dev.switchboard.store..", "dev.switchboard.rest..")
                .check(MAIN);
    }

    @Test
    void entitiesStayInTheStorePackage() {
        noClasses().that().resideInAnyPackage("dev.switchboard.rest..", "dev.switchboard.service..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Entity")
                .check(MAIN);
    }

    @Test
    void restIsTheOnlyLayerThatKnowsHttp() {
        noClasses().that().resideInAnyPackage("dev.switchboard.service..", "dev.switchboard.store..",
                        "dev.switchboard.learning..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..")
                .check(MAIN);
    }
}
