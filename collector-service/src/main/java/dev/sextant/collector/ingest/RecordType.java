package dev.sextant.collector.ingest;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The record types the Sensors SDKs send ({@code type} in a record). {@link #TRACK} and {@link
 * #TRACK_SIGNUP} are stored; the others need profile and ID-Mapping 3 storage and are quarantined
 * as {@code UNSUPPORTED_RECORD_TYPE}, never dropped.
 */
public enum RecordType {
  TRACK("track"),
  /** Links an anonymous id to a login id ({@code $SignUp}, with {@code original_id}). */
  TRACK_SIGNUP("track_signup"),
  /** ID-Mapping 3: binds identities ({@code $BindID}). */
  TRACK_ID_BIND("track_id_bind"),
  /** ID-Mapping 3: unbinds an identity ({@code $UnbindID}). */
  TRACK_ID_UNBIND("track_id_unbind"),
  PROFILE_SET("profile_set"),
  PROFILE_SET_ONCE("profile_set_once"),
  PROFILE_INCREMENT("profile_increment"),
  PROFILE_APPEND("profile_append"),
  PROFILE_UNSET("profile_unset"),
  PROFILE_DELETE("profile_delete"),
  ITEM_SET("item_set"),
  ITEM_DELETE("item_delete");

  private static final Map<String, RecordType> BY_WIRE_NAME =
      Arrays.stream(values()).collect(Collectors.toMap(RecordType::wireName, Function.identity()));

  private final String wireName;

  RecordType(String wireName) {
    this.wireName = wireName;
  }

  /** The name in a record's {@code type} field. */
  public String wireName() {
    return wireName;
  }

  public static Optional<RecordType> fromWireName(String name) {
    return Optional.ofNullable(BY_WIRE_NAME.get(name));
  }
}
