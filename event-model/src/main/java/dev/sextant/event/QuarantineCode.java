package dev.sextant.event;

/** The reasons a record can be quarantined for. Codes are stable: they are stored and reported. */
public enum QuarantineCode {
  MALFORMED_PAYLOAD,
  UNKNOWN_PROJECT,
  UNKNOWN_EVENT,
  UNKNOWN_PROPERTY,
  TYPE_MISMATCH,
  MISSING_REQUIRED_PROPERTY,
}
