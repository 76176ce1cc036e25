package dev.sextant.demo;

import dev.sextant.testsupport.architecture.ModuleArchitectureTest;

/** This module keeps the project's layering rules. */
class ArchitectureTest extends ModuleArchitectureTest {

  ArchitectureTest() {
    super("dev.sextant.demo");
  }
}
