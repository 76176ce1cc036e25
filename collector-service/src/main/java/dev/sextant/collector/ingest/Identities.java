package dev.sextant.collector.ingest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code identities} object of newer Sensors SDKs (ID-Mapping 3), e.g. {@code
 * {"$identity_login_id": "u-1", "$identity_cookie_id": "18c…"}}, and their {@code login_id} and
 * {@code anonymous_id} fields. Sextant's ID mapping has two kinds of id, a login id and the
 * anonymous id it was linked from ({@code docs/adr/0008-identity.md}); every identity that is not
 * the login id is a device's or browser's anonymous id.
 */
final class Identities {

  static final String LOGIN_ID = "$identity_login_id";

  /** Anonymous identities by preference: the SDKs' own anonymous id, then device ids. */
  private static final List<String> ANONYMOUS =
      List.of(
          "$identity_anonymous_id",
          "$identity_cookie_id",
          "$identity_android_uuid",
          "$identity_android_id",
          "$identity_ios_idfv",
          "$identity_ios_idfa",
          "$identity_mp_openid");

  private Identities() {}

  /** Who a record is about when it sends no {@code distinct_id}: the login id, else any id. */
  static Optional<String> distinctIdOf(JsonNode record) {
    Optional<String> login = text(record.get("login_id")).or(() -> identity(record, LOGIN_ID));
    if (login.isPresent()) {
      return login;
    }
    return anonymousIdOf(record).or(() -> firstIdentity(record));
  }

  /** The anonymous id a record names: {@code anonymous_id}, else an anonymous identity. */
  static Optional<String> anonymousIdOf(JsonNode record) {
    Optional<String> field = text(record.get("anonymous_id"));
    if (field.isPresent()) {
      return field;
    }
    for (String name : ANONYMOUS) {
      Optional<String> id = identity(record, name);
      if (id.isPresent()) {
        return id;
      }
    }
    JsonNode identities = record.get("identities");
    if (identities != null && identities.isObject()) {
      for (Map.Entry<String, JsonNode> entry : identities.properties()) {
        if (!entry.getKey().equals(LOGIN_ID)) {
          Optional<String> id = text(entry.getValue());
          if (id.isPresent()) {
            return id;
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> firstIdentity(JsonNode record) {
    JsonNode identities = record.get("identities");
    if (identities == null || !identities.isObject()) {
      return Optional.empty();
    }
    for (Map.Entry<String, JsonNode> entry : identities.properties()) {
      Optional<String> id = text(entry.getValue());
      if (id.isPresent()) {
        return id;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> identity(JsonNode record, String name) {
    JsonNode identities = record.get("identities");
    return identities == null || !identities.isObject()
        ? Optional.empty()
        : text(identities.get(name));
  }

  private static Optional<String> text(JsonNode node) {
    return node != null && node.isString() && !node.asString().isBlank()
        ? Optional.of(node.asString())
        : Optional.empty();
  }
}
