package dev.sextant.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineAndMemoryTest {

  @Test
  void readsTheProcessorMemoryAndLoadFromProc() {
    assertThat(
            Machine.cpuModel(
                "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R)"
                    + " Processor\nprocessor\t: 1\nmodel name\t: other\n"))
        .isEqualTo("Intel(R) Xeon(R) Processor");
    assertThat(Machine.cpuModel("")).isEqualTo("unknown");
    assertThat(Machine.memoryTotal("MemTotal:       24576000 kB\nMemFree: 1 kB\n"))
        .isEqualTo(24_576_000L * 1024);
    assertThat(Machine.loadAverage("0.45 1.41 1.74 2/512 12345\n")).isEqualTo("0.45 1.41 1.74");
  }

  @Test
  void readsThePeakResidentSetOfAStatusFile() {
    assertThat(
            ProcessMemory.parsePeakResident(
                "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  524288 kB\nVmRSS:\t 1 kB\n"))
        .hasValue(512L * 1024 * 1024);
    assertThat(ProcessMemory.parsePeakResident("Name:\tjava\n")).isEmpty();
    // This JVM's own, read from /proc: some memory, not nothing.
    assertThat(ProcessMemory.peakResidentBytes()).isGreaterThan(16L * 1024 * 1024);
  }

  @Test
  void writesAndReadsResultsWhole(@TempDir Path directory) {
    BenchmarkResult result =
        new BenchmarkResult(
            "jmh",
            "Validator",
            "method",
            "command",
            Instant.parse("2026-12-08T04:00:00Z"),
            Duration.ofSeconds(3),
            1024,
            List.of(Table.builder("", "a >").row("1").build()),
            List.of(new TargetCheck("x", "≥ 1", "2", true)),
            List.of("note"));

    ResultFiles.write(result, directory.resolve("01-jmh.json"));

    assertThat(ResultFiles.readAll(directory)).containsExactly(result);
    assertThat(directory.resolve("01-jmh.json.partial")).doesNotExist();
  }
}
