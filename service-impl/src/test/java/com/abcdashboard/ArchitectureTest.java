package com.abcdashboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules docs/architecture.md states, checked on the compiled classes of service-impl. */
class ArchitectureTest {
    private static JavaClasses service;

    @BeforeAll
    static void importClasses() {
        service = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("com.abcdashboard");
    }

    @Test
    void theDomainsPackagesDependOnEachOtherWithoutCycles() {
        slices().matching("com.abcdashboard.domain.(*)..")
                .should()
                .beFreeOfCycles()
                .check(service);
    }

    @Test
    void theDomainUsesTheJdkLibphonenumberAndSlf4jOnly() {
        classes()
                .that()
                .resideInAPackage("com.abcdashboard.domain..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "com.abcdashboard.domain..", "java..", "javax.crypto..", "com.google.i18n..", "org.slf4j..")
                .check(service);
    }

    @Test
    void theTopLevelPackagesDependOnEachOtherWithoutCycles() {
        slices().matching("com.abcdashboard.(*)..").should().beFreeOfCycles().check(service);
    }

    @Test
    void onlyPersistenceAndTheCompositionRootTalkToMongoDb() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "com.abcdashboard.domain..",
                        "com.abcdashboard.http..",
                        "com.abcdashboard.mapping..",
                        "com.abcdashboard.cache..",
                        "com.abcdashboard.mail..",
                        "com.abcdashboard.security..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.mongodb..", "org.bson..", "com.abcdashboard.persistence..")
                .check(service);
    }

    @Test
    void observabilityKnowsNothingOfPersistence() {
        noClasses()
                .that()
                .resideInAPackage("com.abcdashboard.observability..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.abcdashboard.persistence..")
                .check(service);
    }
}
