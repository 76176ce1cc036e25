package dev.sextant.event;

/** The reasons a record can be quarantined for. Codes are stable: they are stored and reported. */
public enum QuarantineCode {
  /**
   * Not readable as a record: bad base64, gzip, JSON, UTF-8 or crc, or a field of the wrong form.
   */
  MALFORMED_PAYLOAD,
  UNKNOWN_PROJECT,
  UNKNOWN_EVENT,
  UNKNOWN_PROPERTY,
  TYPE_MISMATCH,
  MISSING_REQUIRED_PROPERTY,
  /**
   * A Sensors record type that Sextant recognises but does not store ({@code item_*}) or apply
   * ({@code track_id_unbind}): kept so that it can be replayed once items are stored.
   */
  UNSUPPORTED_RECORD_TYPE,
  /** One record of a batch is larger than a record may be. */
  PAYLOAD_TOO_LARGE,
  /** A value not among an enumerated property's values. */
  NOT_IN_ENUM,
  /** A number outside a property's min and max. */
  OUT_OF_RANGE,
  /** A string, or an element of a list, longer than a property's max length. */
  TOO_LONG,
  /** A property whose PII class is FORBIDDEN: it must never be collected. */
  FORBIDDEN_PROPERTY,
  /**
   * The record's {@code time} is further in the past, or in the future, than the project accepts (a
   * device with a wrong clock, or a replay of very old data).
   */
  TIME_OUT_OF_RANGE,
  /**
   * An event, or a property, that the plan says only the back end sends, in a request without the
   * project's secret key: a front end (or anyone) must not be able to forge deposits or trades.
   */
  UNAUTHORISED_SOURCE,
}
