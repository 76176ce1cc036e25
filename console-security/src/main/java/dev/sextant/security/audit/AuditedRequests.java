package dev.sextant.security.audit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which HTTP requests are audited, and what they are about: a lookup of one user's data, an export
 * of user lists, a change to API keys. Matching is on the method and the path template, so that
 * every controller serving such a path is covered without remembering to call the log.
 */
public final class AuditedRequests {

  /** What an audited request is about. */
  public record Audited(AuditAction action, String project, String subject) {}

  private record Rule(String method, String[] template, AuditAction action, String subject) {}

  private static final List<Rule> RULES =
      List.of(
          rule(
              "GET",
              "/api/v1/projects/{project}/users/{user}/events",
              AuditAction.USER_SEQUENCE_VIEWED,
              "{user}"),
          rule(
              "GET",
              "/api/v1/projects/{project}/users/{user}/profile",
              AuditAction.USER_PROFILE_VIEWED,
              "{user}"),
          rule(
              "GET",
              "/api/v1/projects/{project}/segments/{segment}/snapshots/{snapshot}/members",
              AuditAction.SEGMENT_MEMBERS_EXPORTED,
              "{segment}/{snapshot}"),
          rule(
              "GET",
              "/api/v1/projects/{project}/segments/{segment}/snapshots/{snapshot}/members.csv",
              AuditAction.SEGMENT_MEMBERS_EXPORTED,
              "{segment}/{snapshot}"),
          rule(
              "POST",
              "/api/v1/projects/{project}/analyses/funnels/users",
              AuditAction.FUNNEL_USERS_EXPORTED,
              null),
          rule(
              "POST",
              "/api/v1/projects/{project}/analyses/funnels/users.csv",
              AuditAction.FUNNEL_USERS_EXPORTED,
              null),
          rule("POST", "/api/v1/projects/{project}/keys", AuditAction.API_KEY_CREATED, null),
          rule(
              "POST",
              "/api/v1/projects/{project}/quarantine/replay",
              AuditAction.QUARANTINE_REPLAYED,
              null),
          rule(
              "POST",
              "/api/v1/projects/{project}/keys/{key}/rotate",
              AuditAction.API_KEY_ROTATED,
              "{key}"),
          rule(
              "DELETE",
              "/api/v1/projects/{project}/keys/{key}",
              AuditAction.API_KEY_REVOKED,
              "{key}"),
          rule("POST", "/api/v1/admin/users", AuditAction.CONSOLE_USER_CREATED, null),
          rule(
              "PUT",
              "/api/v1/admin/users/{username}",
              AuditAction.CONSOLE_USER_CHANGED,
              "{username}"),
          rule("POST", "/api/v1/session/password", AuditAction.PASSWORD_CHANGED, null));

  private AuditedRequests() {}

  private static Rule rule(String method, String template, AuditAction action, String subject) {
    return new Rule(method, template.substring(1).split("/", -1), action, subject);
  }

  /**
   * What the request is about when it is audited.
   *
   * @param path the request path without the context path, still percent-encoded
   */
  public static Optional<Audited> match(String method, String path) {
    if (path == null || !path.startsWith("/")) {
      return Optional.empty();
    }
    String[] segments = path.substring(1).split("/", -1);
    for (Rule rule : RULES) {
      if (!rule.method().equals(method) || rule.template().length != segments.length) {
        continue;
      }
      Optional<Map<String, String>> variables = bind(rule.template(), segments);
      if (variables.isPresent()) {
        Map<String, String> values = variables.get();
        return Optional.of(
            new Audited(rule.action(), values.get("project"), fill(rule.subject(), values)));
      }
    }
    return Optional.empty();
  }

  private static Optional<Map<String, String>> bind(String[] template, String[] segments) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < template.length; i++) {
      String part = template[i];
      if (part.startsWith("{") && part.endsWith("}")) {
        if (segments[i].isEmpty()) {
          return Optional.empty();
        }
        values.put(part.substring(1, part.length() - 1), decode(segments[i]));
      } else if (!part.equals(segments[i])) {
        return Optional.empty();
      }
    }
    return Optional.of(values);
  }

  private static String fill(String subject, Map<String, String> values) {
    if (subject == null) {
      return null;
    }
    String filled = subject;
    for (Map.Entry<String, String> value : values.entrySet()) {
      filled = filled.replace("{" + value.getKey() + "}", value.getValue());
    }
    return filled;
  }

  private static String decode(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return segment;
    }
  }
}
