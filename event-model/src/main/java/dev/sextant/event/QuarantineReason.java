package dev.sextant.event;

import java.util.Objects;

/**
 * Why a record was refused.
 *
 * @param code a stable machine-readable code
 * @param path where in the record the problem is, e.g. {@code properties.amount}; empty for the
 *     whole record
 * @param message a sentence for people
 */
public record QuarantineReason(QuarantineCode code, String path, String message) {

  public QuarantineReason {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }
}
