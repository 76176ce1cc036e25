package dev.sextant.registry.plan;

/**
 * A property the Sensors SDKs (or the collector) send on their own, with a {@code $} name.
 *
 * @param name e.g. {@code $os}
 * @param type its type, fixed by the SDKs
 * @param displayName the name people read, in zh-CN
 * @param displayNameEn the name people read, in English
 */
public record PresetProperty(
    String name, PropertyType type, String displayName, String displayNameEn) {}
