package dev.sextant.importer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.sextant.testsupport.architecture.ModuleArchitectureTest;
import org.junit.jupiter.api.Test;

/** This module keeps the project's layering rules, and talks to Sextant only over HTTP. */
class ArchitectureTest extends ModuleArchitectureTest {

  ArchitectureTest() {
    super("dev.sextant.importer");
  }

  @Test
  void dependsOnNoOtherSextantModuleNorSpring() {
    noClasses()
        .that()
        .resideInAPackage("dev.sextant.importer..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.sextant.collector..",
            "dev.sextant.store..",
            "dev.sextant.registry..",
            "dev.sextant.query..",
            "org.springframework..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.sextant.importer"));
  }
}
