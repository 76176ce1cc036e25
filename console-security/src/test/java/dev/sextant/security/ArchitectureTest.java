package dev.sextant.security;

import dev.sextant.testsupport.architecture.ModuleArchitectureTest;

/** This module keeps the project's layering rules. */
class ArchitectureTest extends ModuleArchitectureTest {

  ArchitectureTest() {
    super("dev.sextant.security");
  }
}
