package dev.sextant.sink;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.sextant.testsupport.architecture.SextantArchitecture;

/** This module keeps the project's layering rules (see {@link SextantArchitecture}). */
@AnalyzeClasses(packages = "dev.sextant.sink", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest static final ArchTests rules = ArchTests.in(SextantArchitecture.class);
}
