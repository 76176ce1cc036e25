package dev.sextant.testsupport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The layering rules every module checks in its {@code ArchitectureTest}: pure cores know no Spring
 * and no I/O framework, services do not reach into each other's applications, and the two store
 * adapters stay independent of each other.
 */
public final class SextantArchitecture {

  /** Packages that hold pure logic: validation, parsing, models, SQL compilation. */
  static final String[] PURE_PACKAGES = {
    "dev.sextant.event..",
    "dev.sextant.registry.plan..",
    "dev.sextant.registry.validation..",
    "dev.sextant.registry.rules..",
    "dev.sextant.registry.history..",
    "dev.sextant.registry.document..",
    "dev.sextant.registry.editing..",
    "dev.sextant.collector.ingest..",
    "dev.sextant.collector.sensors..",
    "dev.sextant.collector.enrich..",
    "dev.sextant.demo.simulation..",
    "dev.sextant.query.model..",
    "dev.sextant.query.reference..",
    "dev.sextant.query.sql..",
    "dev.sextant.query.campaign..",
    "dev.sextant.query.access..",
  };

  private SextantArchitecture() {}

  public static final ArchRule PURE_CORES_DO_NOT_USE_SPRING =
      noClasses()
          .that()
          .resideInAnyPackage(PURE_PACKAGES)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "java.sql..")
          .because("pure cores are plain Java, tested without a container or a database")
          .allowEmptyShould(true);

  public static final ArchRule STORE_ADAPTERS_DO_NOT_USE_SPRING =
      noClasses()
          .that()
          .resideInAnyPackage("dev.sextant.store.duckdb..", "dev.sextant.store.clickhouse..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework..")
          .because("the store adapters are embedded by any wiring, Spring's or a benchmark's")
          .allowEmptyShould(true);

  public static final ArchRule DUCKDB_ADAPTER_DOES_NOT_USE_CLICKHOUSE =
      noClasses()
          .that()
          .resideInAPackage("dev.sextant.store.duckdb..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.sextant.store.clickhouse..")
          .allowEmptyShould(true);

  public static final ArchRule CLICKHOUSE_ADAPTER_DOES_NOT_USE_DUCKDB =
      noClasses()
          .that()
          .resideInAPackage("dev.sextant.store.clickhouse..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.sextant.store.duckdb..")
          .allowEmptyShould(true);

  public static final ArchRule NOTHING_DEPENDS_ON_AN_APPLICATION =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.sextant..app..", "dev.sextant.server..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.sextant..app..", "dev.sextant.server..")
          .because("applications are leaves: they wire modules, modules never call them")
          .allowEmptyShould(true);

  /** Every rule, for a parameterized test. */
  public static List<ArchRule> rules() {
    return List.of(
        PURE_CORES_DO_NOT_USE_SPRING,
        STORE_ADAPTERS_DO_NOT_USE_SPRING,
        DUCKDB_ADAPTER_DOES_NOT_USE_CLICKHOUSE,
        CLICKHOUSE_ADAPTER_DOES_NOT_USE_DUCKDB,
        NOTHING_DEPENDS_ON_AN_APPLICATION);
  }

  /** The production classes of a module, by its root package. */
  public static JavaClasses productionClasses(String rootPackage) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(rootPackage);
  }
}
