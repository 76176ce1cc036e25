package dev.sextant.registry.plan;

/**
 * A business line (业务线) that owns a group of events, e.g. P2P lending or forex.
 *
 * @param name the line's name, e.g. {@code p2p}
 * @param eventPrefix every event of the line starts with it, e.g. {@code P2P_}; empty for a line
 *     whose events carry no prefix (the shared platform)
 * @param displayName the name people read, in zh-CN
 * @param displayNameEn the name people read, in English
 * @param owner who answers for the line's events, e.g. a team or a person
 */
public record BusinessLine(
    String name, String eventPrefix, String displayName, String displayNameEn, String owner) {

  public BusinessLine {
    eventPrefix = eventPrefix == null ? "" : eventPrefix;
  }
}
