package dev.sextant.registry.plan;

import java.util.Map;
import java.util.Optional;

/**
 * Properties the Sensors SDKs send on their own ({@code $}-names). Every project knows them; only
 * the system defines {@code $} names.
 */
public final class PresetProperties {

  private static final Map<String, PropertyType> TYPES =
      Map.ofEntries(
          Map.entry("$app_version", PropertyType.STRING),
          Map.entry("$lib", PropertyType.STRING),
          Map.entry("$lib_version", PropertyType.STRING),
          Map.entry("$lib_method", PropertyType.STRING),
          Map.entry("$os", PropertyType.STRING),
          Map.entry("$os_version", PropertyType.STRING),
          Map.entry("$manufacturer", PropertyType.STRING),
          Map.entry("$model", PropertyType.STRING),
          Map.entry("$brand", PropertyType.STRING),
          Map.entry("$screen_width", PropertyType.NUMBER),
          Map.entry("$screen_height", PropertyType.NUMBER),
          Map.entry("$network_type", PropertyType.STRING),
          Map.entry("$wifi", PropertyType.BOOL),
          Map.entry("$carrier", PropertyType.STRING),
          Map.entry("$device_id", PropertyType.STRING),
          Map.entry("$is_first_day", PropertyType.BOOL),
          Map.entry("$is_first_time", PropertyType.BOOL),
          Map.entry("$is_login_id", PropertyType.BOOL),
          Map.entry("$timezone_offset", PropertyType.NUMBER),
          Map.entry("$ip", PropertyType.STRING),
          Map.entry("$browser", PropertyType.STRING),
          Map.entry("$browser_version", PropertyType.STRING),
          Map.entry("$url", PropertyType.STRING),
          Map.entry("$url_path", PropertyType.STRING),
          Map.entry("$title", PropertyType.STRING),
          Map.entry("$referrer", PropertyType.STRING),
          Map.entry("$referrer_host", PropertyType.STRING),
          Map.entry("$screen_name", PropertyType.STRING),
          Map.entry("$element_id", PropertyType.STRING),
          Map.entry("$element_content", PropertyType.STRING),
          Map.entry("$event_duration", PropertyType.NUMBER),
          Map.entry("$resume_from_background", PropertyType.BOOL));

  private PresetProperties() {}

  public static Optional<PropertyType> typeOf(String name) {
    return Optional.ofNullable(TYPES.get(name));
  }
}
