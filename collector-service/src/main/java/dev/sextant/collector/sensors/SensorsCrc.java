package dev.sextant.collector.sensors;

/**
 * The checksum the Sensors SDKs send as {@code crc}: the JavaScript SDK's {@code hashCode} ({@code
 * dist/web/sensorsdata.js}, function {@code ie}: {@code t = (t << 5) - t + charCode; t &= t}) over
 * the base64 text of {@code data}, which is Java's {@link String#hashCode()} in 32-bit two's
 * complement. It guards against truncation, not against forgery.
 */
final class SensorsCrc {

  private SensorsCrc() {}

  static int of(String base64) {
    return base64.hashCode();
  }
}
