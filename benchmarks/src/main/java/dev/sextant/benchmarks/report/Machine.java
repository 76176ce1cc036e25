package dev.sextant.benchmarks.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The machine and software a suite run measured, as the report's first table shows them.
 *
 * @param cpu the processor's model name
 * @param cpus how many CPUs the JVM sees
 * @param memoryBytes the machine's memory
 * @param os the operating system and kernel
 * @param jdk the Java runtime
 * @param components versions of the servers and libraries measured (ClickHouse, DuckDB, Kafka)
 * @param commit the commit measured, with "+ changes" when the working tree differed from it
 * @param loadAtStart the load average (1, 5, 15 min) when the suite started
 * @param loadAtEnd the load average when it ended
 */
public record Machine(
    String cpu,
    int cpus,
    long memoryBytes,
    String os,
    String jdk,
    Map<String, String> components,
    String commit,
    String loadAtStart,
    String loadAtEnd) {

  public Machine {
    components = new LinkedHashMap<>(components);
  }

  /** The {@code model name} of the first processor in {@code /proc/cpuinfo}. */
  public static String cpuModel(String cpuinfo) {
    for (String line : cpuinfo.split("\n")) {
      if (line.startsWith("model name")) {
        return line.substring(line.indexOf(':') + 1).trim();
      }
    }
    return "unknown";
  }

  /** {@code MemTotal} of {@code /proc/meminfo}, in bytes. */
  public static long memoryTotal(String meminfo) {
    for (String line : meminfo.split("\n")) {
      if (line.startsWith("MemTotal:")) {
        String[] parts = line.substring("MemTotal:".length()).trim().split("\\s+");
        return Long.parseLong(parts[0]) * 1024;
      }
    }
    return 0;
  }

  /** The three load averages of {@code /proc/loadavg}, e.g. "0.45 1.41 1.74". */
  public static String loadAverage(String loadavg) {
    String[] parts = loadavg.trim().split("\\s+");
    return parts.length >= 3 ? parts[0] + " " + parts[1] + " " + parts[2] : loadavg.trim();
  }
}
