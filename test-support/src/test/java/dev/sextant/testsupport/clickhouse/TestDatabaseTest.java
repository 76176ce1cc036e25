package dev.sextant.testsupport.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestDatabaseTest {

  @Test
  void namesTheDatabaseAfterTheTestClassAsAPlainIdentifier() {
    assertThat(TestDatabase.nameFor(TestDatabaseTest.class, 0xabc))
        .isEqualTo("sextant_testdatabasetest_abc");
  }

  @Test
  void keepsLongAndNestedClassNamesValidAndShort() {
    class AVeryLongLocalClassNameThatGoesOnAndOnAndOnForever {}

    String name = TestDatabase.nameFor(AVeryLongLocalClassNameThatGoesOnAndOnAndOnForever.class, 1);

    assertThat(name).matches("[a-z_][a-z0-9_]*").hasSizeLessThanOrEqualTo(60);
  }
}
