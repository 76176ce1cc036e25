package dev.sextant.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Peak memory of a process, as Linux counts it in {@code /proc/<pid>/status}. */
public final class ProcessMemory {

  private ProcessMemory() {}

  /** This JVM's peak resident set so far, or 0 where {@code /proc} does not say. */
  public static long peakResidentBytes() {
    return peakResidentBytes(Path.of("/proc/self/status")).orElse(0);
  }

  /** The peak resident set of a running process, e.g. the ClickHouse server's. */
  public static OptionalLong peakResidentBytes(long pid) {
    return peakResidentBytes(Path.of("/proc/" + pid + "/status"));
  }

  private static OptionalLong peakResidentBytes(Path status) {
    try {
      return parsePeakResident(Files.readString(status));
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  /** The {@code VmHWM:} line ("high water mark" of the resident set, in kB) of a status file. */
  static OptionalLong parsePeakResident(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("VmHWM:")) {
        String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
        if (parts.length == 2 && parts[1].equals("kB")) {
          return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
        }
      }
    }
    return OptionalLong.empty();
  }
}
