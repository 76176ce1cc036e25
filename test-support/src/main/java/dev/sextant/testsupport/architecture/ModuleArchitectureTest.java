package dev.sextant.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks {@link SextantArchitecture}'s rules on one module's production classes; each module
 * extends it once, naming its root package. Plain JUnit tests calling ArchUnit's core, because
 * ArchUnit's own JUnit engine finds no tests on JUnit 6.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ModuleArchitectureTest {

  private final JavaClasses classes;

  protected ModuleArchitectureTest(String rootPackage) {
    this.classes = SextantArchitecture.productionClasses(rootPackage);
  }

  List<ArchRule> rules() {
    return SextantArchitecture.rules();
  }

  @Test
  void importsThisModulesClasses() {
    assertThat(classes).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void keepsTheRule(ArchRule rule) {
    rule.check(classes);
  }
}
