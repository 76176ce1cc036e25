package dev.sextant.collector.ingest;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Insert ids (and quarantine ids) in UUID form: a random prefix drawn once per process and a
 * counter.
 *
 * <p>{@code UUID.randomUUID()} draws 16 bytes from the shared {@code SecureRandom} for every
 * record, which the collector's profile showed near the top, and all request threads contend for
 * it. An id only has to be unique, not unguessable: the stores de-duplicate on it, and nobody
 * authenticates with it. So the high 64 bits are drawn from {@code SecureRandom} once (60 random
 * bits with the version nibble), and the low 64 bits count (the RFC 9562 variant and 62 bits of
 * counter): unique within the process for 2^62 ids, and two processes collide only if their
 * prefixes do (about one in 2^60 per pair). The version is 8, RFC 9562's "custom" layout, so the
 * text is a valid UUID that says it is not a random (version 4) one.
 */
public final class InsertIds implements Supplier<String> {

  private static final long VERSION_MASK = 0xFFFF_FFFF_FFFF_0FFFL;
  private static final long VERSION_8 = 0x0000_0000_0000_8000L;
  private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;
  private static final long COUNTER_MASK = 0x3FFF_FFFF_FFFF_FFFFL;

  private final long prefix;
  private final AtomicLong counter = new AtomicLong();

  private InsertIds(long random) {
    this.prefix = random & VERSION_MASK | VERSION_8;
  }

  /** Ids with a prefix drawn from {@link SecureRandom}: what the collector uses. */
  public static InsertIds random() {
    return withPrefix(new SecureRandom().nextLong());
  }

  /** Ids with a given prefix (its version nibble is overwritten): for tests. */
  static InsertIds withPrefix(long random) {
    return new InsertIds(random);
  }

  @Override
  public String get() {
    long count = counter.getAndIncrement();
    if (count > COUNTER_MASK) {
      throw new IllegalStateException("2^62 ids issued: restart the process for a new prefix");
    }
    return new UUID(prefix, VARIANT_RFC | count).toString();
  }
}
