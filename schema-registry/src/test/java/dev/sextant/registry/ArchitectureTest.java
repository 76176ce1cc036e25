package dev.sextant.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import dev.sextant.testsupport.architecture.SextantArchitecture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * This module keeps the project's layering rules (see {@link SextantArchitecture}). Plain JUnit
 * tests calling ArchUnit's core, because ArchUnit's own JUnit engine finds no tests on JUnit 6.
 */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      SextantArchitecture.productionClasses("dev.sextant.registry");

  static List<ArchRule> rules() {
    return SextantArchitecture.rules();
  }

  @Test
  void importsThisModulesClasses() {
    assertThat(CLASSES).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void keepsTheRule(ArchRule rule) {
    rule.check(CLASSES);
  }
}
