package dev.sextant.collector.ingest;

import dev.sextant.event.item.ItemOperation;
import dev.sextant.event.profile.ProfileOperation;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The record types the Sensors SDKs send ({@code type} in a record). {@link #TRACK}, {@link
 * #TRACK_SIGNUP}, {@link #TRACK_ID_BIND}, the {@code profile_*} and the {@code item_*} types are
 * stored; unbinds are quarantined as {@code UNSUPPORTED_RECORD_TYPE}, never dropped.
 */
public enum RecordType {
  TRACK("track"),
  /** Links an anonymous id to a login id ({@code $SignUp}, with {@code original_id}). */
  TRACK_SIGNUP("track_signup"),
  /**
   * ID-Mapping 3: binds identities ({@code $BindID}); stored as an event and a link, like a signup.
   */
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

  /** The profile operation of a {@code profile_*} type; empty for every other type. */
  public Optional<ProfileOperation> profileOperation() {
    return Optional.ofNullable(
        switch (this) {
          case PROFILE_SET -> ProfileOperation.SET;
          case PROFILE_SET_ONCE -> ProfileOperation.SET_ONCE;
          case PROFILE_INCREMENT -> ProfileOperation.INCREMENT;
          case PROFILE_APPEND -> ProfileOperation.APPEND;
          case PROFILE_UNSET -> ProfileOperation.UNSET;
          case PROFILE_DELETE -> ProfileOperation.DELETE;
          case TRACK, TRACK_SIGNUP, TRACK_ID_BIND, TRACK_ID_UNBIND, ITEM_SET, ITEM_DELETE -> null;
        });
  }

  /** The item operation of an {@code item_*} type; empty for every other type. */
  public Optional<ItemOperation> itemOperation() {
    return Optional.ofNullable(
        switch (this) {
          case ITEM_SET -> ItemOperation.SET;
          case ITEM_DELETE -> ItemOperation.DELETE;
          case TRACK,
              TRACK_SIGNUP,
              TRACK_ID_BIND,
              TRACK_ID_UNBIND,
              PROFILE_SET,
              PROFILE_SET_ONCE,
              PROFILE_INCREMENT,
              PROFILE_APPEND,
              PROFILE_UNSET,
              PROFILE_DELETE ->
              null;
        });
  }

  /** The name in a record's {@code type} field. */
  public String wireName() {
    return wireName;
  }

  public static Optional<RecordType> fromWireName(String name) {
    return Optional.ofNullable(BY_WIRE_NAME.get(name));
  }
}
