package dev.sextant.collector.ingest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Remembers, for a while, which {@code _track_id} each user's accepted records carried. The Sensors
 * SDKs give every record a random {@code _track_id} and resend the same record when an answer is
 * lost; a record seen again within the window is answered as accepted without being stored twice.
 *
 * <p>Memory is bounded: past {@code maxEntries} the least useful entries go first, so under a flood
 * of distinct ids a late retry may be stored twice (at least once, never lost). Two requests
 * carrying the same record at the same instant may also both be stored: an id is remembered only
 * once its record is durably published, because a failed publish must leave the retry free to store
 * it.
 */
public final class TrackIdWindow {

  /** Remembers nothing: every record is new. */
  public static final TrackIdWindow DISABLED = new TrackIdWindow(null);

  /**
   * What identifies one record of one user, or of one item, of one project.
   *
   * @param itemType null for a user's record, whose {@code id} is its distinct id; for an item's
   *     record ({@code item_set}, {@code item_delete}), the item type, and {@code id} is the item
   *     id
   */
  public record Key(String project, String itemType, String id, long trackId) {

    /** A user's record. */
    public Key(String project, String distinctId, long trackId) {
      this(project, null, distinctId, trackId);
    }

    /** An item's record: never the same key as a user's, whatever the ids. */
    public static Key ofItem(String project, String itemType, String itemId, long trackId) {
      return new Key(project, java.util.Objects.requireNonNull(itemType), itemId, trackId);
    }
  }

  private final Cache<Key, String> insertIds;

  private TrackIdWindow(Cache<Key, String> insertIds) {
    this.insertIds = insertIds;
  }

  /**
   * @param window how long an accepted record's id is remembered; zero disables de-duplication
   * @param maxEntries the most ids kept at once
   * @param clock the time source, so tests can move it
   */
  public static TrackIdWindow of(Duration window, long maxEntries, Clock clock) {
    if (window.isNegative()) {
      throw new IllegalArgumentException("the _track_id window must not be negative: " + window);
    }
    if (maxEntries < 0) {
      throw new IllegalArgumentException("the _track_id cache size must not be negative");
    }
    if (window.isZero() || maxEntries == 0) {
      return DISABLED;
    }
    return new TrackIdWindow(
        Caffeine.newBuilder()
            .expireAfterWrite(window)
            .maximumSize(maxEntries)
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            // Clean up on the calling thread: no background pool, and tests see expiry at once.
            .executor(Runnable::run)
            .build());
  }

  /** The insert id under which the record was accepted within the window, if it was. */
  public Optional<String> acceptedAs(Key key) {
    return insertIds == null ? Optional.empty() : Optional.ofNullable(insertIds.getIfPresent(key));
  }

  /** Notes that the record was durably accepted under {@code insertId}. */
  public void remember(Key key, String insertId) {
    if (insertIds != null) {
      insertIds.put(key, insertId);
    }
  }
}
