package dev.sextant.event.profile;

/**
 * What a profile update does to a user's profile: the Sensors record types {@code profile_set},
 * {@code profile_set_once}, {@code profile_increment}, {@code profile_append}, {@code
 * profile_unset} and {@code profile_delete}. {@link ProfileFolding} gives each its meaning.
 */
public enum ProfileOperation {
  /** Sets each property, overwriting what was there. */
  SET,
  /** Sets each property only where the profile has no value for it yet. */
  SET_ONCE,
  /** Adds each number to the property's number (an absent property counts as 0). */
  INCREMENT,
  /** Appends each list of strings to the property's list (an absent property is an empty list). */
  APPEND,
  /** Removes the named properties. */
  UNSET,
  /** Deletes the whole profile. */
  DELETE
}
