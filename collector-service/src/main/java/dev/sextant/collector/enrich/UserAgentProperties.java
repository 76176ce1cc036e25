package dev.sextant.collector.enrich;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;

/**
 * Parses a {@code User-Agent} header into the Sensors preset properties {@code $os}, {@code
 * $os_version}, {@code $browser}, {@code $browser_version}, {@code $manufacturer} and {@code
 * $model}, with Yauaa (see {@code docs/adr/0005-user-agent-parsing-with-yauaa.md}). A value Yauaa
 * cannot tell ({@code Unknown}, {@code ??}) is left out rather than stored, and so is everything
 * from a user agent that is not a browser or an app on a device: the back-end SDKs send their own
 * name ({@code SensorsAnalytics Java SDK 3.4.0}), which says nothing about the user's device.
 */
public final class UserAgentProperties {

  private static final Set<String> UNKNOWN =
      Set.of("", "Unknown", "??", "Hacker", "Anonymized", "Undefined");

  private static final Set<String> BROWSER_CLASSES =
      Set.of("Browser", "Browser Webview", "Mobile App");

  private final UserAgentAnalyzer analyzer;

  private UserAgentProperties(UserAgentAnalyzer analyzer) {
    this.analyzer = analyzer;
  }

  /**
   * Builds the analyzer for the fields Sextant uses, which takes a few seconds: build it once per
   * process.
   *
   * @param cacheSize parsed user agents kept in memory (browsers repeat the same few strings)
   */
  public static UserAgentProperties create(int cacheSize) {
    return new UserAgentProperties(
        UserAgentAnalyzer.newBuilder()
            .hideMatcherLoadStats()
            .withCache(cacheSize)
            .withField(UserAgent.OPERATING_SYSTEM_NAME)
            .withField(UserAgent.OPERATING_SYSTEM_VERSION)
            .withField(UserAgent.AGENT_CLASS)
            .withField(UserAgent.AGENT_NAME)
            .withField(UserAgent.AGENT_VERSION)
            .withField(UserAgent.DEVICE_CLASS)
            .withField(UserAgent.DEVICE_BRAND)
            .withField(UserAgent.DEVICE_NAME)
            .immediateInitialization()
            .build());
  }

  /** The properties this user agent tells; empty for a missing or unrecognised one. */
  public Map<String, Object> of(String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return Map.of();
    }
    UserAgent parsed = analyzer.parse(userAgent);
    if (!BROWSER_CLASSES.contains(parsed.getValue(UserAgent.AGENT_CLASS))) {
      return Map.of();
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    put(properties, "$os", parsed.getValue(UserAgent.OPERATING_SYSTEM_NAME));
    put(properties, "$os_version", parsed.getValue(UserAgent.OPERATING_SYSTEM_VERSION));
    put(properties, "$browser", parsed.getValue(UserAgent.AGENT_NAME));
    put(properties, "$browser_version", parsed.getValue(UserAgent.AGENT_VERSION));
    String deviceClass = parsed.getValue(UserAgent.DEVICE_CLASS);
    if (deviceClass.equals("Phone") || deviceClass.equals("Tablet")) {
      put(properties, "$manufacturer", parsed.getValue(UserAgent.DEVICE_BRAND));
      put(properties, "$model", parsed.getValue(UserAgent.DEVICE_NAME));
    }
    return properties;
  }

  private static void put(Map<String, Object> properties, String name, String value) {
    if (value != null && !UNKNOWN.contains(value)) {
      properties.put(name, value);
    }
  }
}
