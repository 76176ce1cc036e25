package dev.sextant.registry.plan;

/**
 * An event the Sensors SDKs send on their own (full-auto tracking, 全埋点), with a {@code $} name.
 *
 * @param name e.g. {@code $AppStart}
 * @param displayName the name people read, in zh-CN
 * @param displayNameEn the name people read, in English
 */
public record PresetEvent(String name, String displayName, String displayNameEn) {}
