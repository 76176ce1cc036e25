package dev.sextant.store.clickhouse;

import dev.sextant.event.TrackedEvent;
import dev.sextant.store.ColumnType;
import dev.sextant.store.PropertyValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Events as {@code RowBinary} rows of an events table: each row is its columns' values in the
 * insert's column order ({@link ClickHouseEventStatements#INSERTED_EVENT_COLUMNS}, then the batch's
 * properties), without names or separators, little-endian, as 18.16 and current servers read them:
 *
 * <ul>
 *   <li>{@code String}: the UTF-8 length as an unsigned LEB128 varint, then the bytes;
 *   <li>{@code Int64}, {@code Int32}: 8 and 4 bytes; {@code UInt8}: one byte;
 *   <li>{@code DateTime}: seconds since 1970 in a {@code UInt32}; {@code Date}: days since 1970 in
 *       a {@code UInt16};
 *   <li>{@code Decimal(38, 8)}: the value times 10^8 as a 128-bit two's-complement integer;
 *   <li>{@code Nullable(T)}: a byte 1 for NULL (and nothing else), or 0 and then the value;
 *   <li>{@code Array(String)}: the element count as a varint, then the strings.
 * </ul>
 *
 * <p>No number is formatted as text or parsed back, which is what the sink spent much of its time
 * on with {@code JSONEachRow}. Written here rather than taken from ClickHouse's Java client, whose
 * RowBinary writer comes with a client that cannot talk to 18.16 (see ADR 0002).
 */
public final class RowBinaryEvents {

  private static final long MILLIS_PER_DAY = 86_400_000L;
  private static final int NUMBER_SCALE = 8;

  /** 1 in a {@code Decimal(38, 8)}: the unscaled value of 1 at scale 8. */
  private static final long DECIMAL_ONE = 100_000_000L;

  private byte[] buffer;
  private int size;

  private RowBinaryEvents(int capacity) {
    buffer = new byte[Math.max(64, capacity)];
  }

  /**
   * The rows of {@code events}.
   *
   * @param properties the property columns of the insert, in its order
   * @param columns the types of the table's property columns (every one of {@code properties})
   * @throws IllegalArgumentException if a value does not have its column's form
   */
  public static byte[] write(
      List<TrackedEvent> events, List<String> properties, Map<String, ColumnType> columns) {
    ColumnType[] types = new ColumnType[properties.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = columns.get(properties.get(i));
      if (types[i] == null) {
        throw new IllegalStateException("no column for property " + properties.get(i));
      }
    }
    RowBinaryEvents rows = new RowBinaryEvents(events.size() * (200 + 24 * types.length));
    for (TrackedEvent event : events) {
      rows.writeEvent(event, properties, types);
    }
    return Arrays.copyOf(rows.buffer, rows.size);
  }

  private void writeEvent(TrackedEvent event, List<String> properties, ColumnType[] types) {
    long timeMs = event.time().toEpochMilli();
    writeString(event.project());
    writeString(event.event());
    writeString(event.distinctId());
    writeInt64(timeMs);
    writeString(event.insertId());
    if (event.trackId() == null) {
      writeByte(1);
    } else {
      writeByte(0);
      writeInt64(event.trackId());
    }
    writeInt64(event.receivedAt().toEpochMilli());
    // The derived UTC columns, as JSONEachRow's text gave them; DateTime and Date are unsigned, and
    // times before 1970 (which the collector's default range refuses) are clamped to 1970.
    writeInt32((int) Math.clamp(Math.floorDiv(timeMs, 1000L), 0L, 0xFFFF_FFFFL));
    writeInt16((int) Math.clamp(Math.floorDiv(timeMs, MILLIS_PER_DAY), 0L, 0xFFFFL));
    Map<String, Object> values = event.properties();
    for (int i = 0; i < types.length; i++) {
      String name = properties.get(i);
      writeProperty(name, types[i], values.get(name));
    }
  }

  private void writeProperty(String name, ColumnType type, Object value) {
    boolean absent = value == null || PropertyValues.isStoredAsAbsent(value);
    if (type == ColumnType.LIST) {
      // Array(String) is not nullable: an absent list is an empty array.
      List<String> items = absent ? List.of() : PropertyValues.list(name, value);
      writeVarUInt(items.size());
      items.forEach(this::writeString);
      return;
    }
    if (absent) {
      writeByte(1);
      return;
    }
    writeByte(0);
    switch (type) {
      case NUMBER -> {
        if (value instanceof Long whole) {
          // Any long fits Decimal(38, 8): times 10^8 as an exact 128-bit product, without the
          // BigDecimal that checking a fraction's digits needs.
          writeInt64(whole * DECIMAL_ONE);
          writeInt64(Math.multiplyHigh(whole, DECIMAL_ONE));
        } else {
          writeDecimal128(PropertyValues.number(name, value));
        }
      }
      case STRING -> writeString(PropertyValues.string(name, value));
      case BOOL -> writeByte(PropertyValues.bool(name, value) ? 1 : 0);
      case DATETIME ->
          writeInt64(PropertyValues.dateTime(name, value).toInstant(ZoneOffset.UTC).toEpochMilli());
      case DATE -> writeInt32(Math.toIntExact(PropertyValues.date(name, value).toEpochDay()));
      case LIST -> throw new AssertionError("written above");
    }
  }

  /** {@code Decimal(38, 8)}: the unscaled value at scale 8, 16 bytes little-endian. */
  private void writeDecimal128(BigDecimal number) {
    BigInteger unscaled = number.setScale(NUMBER_SCALE, RoundingMode.UNNECESSARY).unscaledValue();
    if (unscaled.bitLength() < 64) {
      long value = unscaled.longValue();
      writeInt64(value);
      writeInt64(value < 0 ? -1L : 0L);
      return;
    }
    // Big-endian two's complement, at most 16 bytes (38 digits need 127 bits): reversed, then
    // sign-extended.
    byte[] bigEndian = unscaled.toByteArray();
    ensure(16);
    byte sign = (byte) (unscaled.signum() < 0 ? -1 : 0);
    for (int i = 0; i < 16; i++) {
      int from = bigEndian.length - 1 - i;
      buffer[size++] = from >= 0 ? bigEndian[from] : sign;
    }
  }

  private void writeString(String text) {
    int length = text.length();
    if (isAscii(text)) {
      writeVarUInt(length);
      ensure(length);
      // An ASCII char is its own UTF-8 byte.
      for (int i = 0; i < length; i++) {
        buffer[size++] = (byte) text.charAt(i);
      }
      return;
    }
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    writeVarUInt(utf8.length);
    ensure(utf8.length);
    System.arraycopy(utf8, 0, buffer, size, utf8.length);
    size += utf8.length;
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Unsigned LEB128, as ClickHouse's {@code writeVarUInt}. */
  private void writeVarUInt(long value) {
    ensure(10);
    while ((value & ~0x7FL) != 0) {
      buffer[size++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buffer[size++] = (byte) value;
  }

  private void writeByte(int value) {
    ensure(1);
    buffer[size++] = (byte) value;
  }

  private void writeInt16(int value) {
    ensure(2);
    buffer[size++] = (byte) value;
    buffer[size++] = (byte) (value >>> 8);
  }

  private void writeInt32(int value) {
    ensure(4);
    for (int shift = 0; shift < 32; shift += 8) {
      buffer[size++] = (byte) (value >>> shift);
    }
  }

  private void writeInt64(long value) {
    ensure(8);
    for (int shift = 0; shift < 64; shift += 8) {
      buffer[size++] = (byte) (value >>> shift);
    }
  }

  private void ensure(int more) {
    if (size + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
    }
  }
}
