package dev.sextant.store;

import dev.sextant.event.IdLink;
import dev.sextant.event.QuarantineReplay;
import dev.sextant.event.QuarantinedRecord;
import dev.sextant.event.TrackedEvent;
import dev.sextant.event.item.Item;
import dev.sextant.event.item.ItemFolding;
import dev.sextant.event.item.ItemUpdate;
import dev.sextant.event.profile.Profile;
import dev.sextant.event.profile.ProfileFolding;
import dev.sextant.event.profile.ProfileUpdate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where accepted events and quarantined records are kept and read back: the SPI that the DuckDB
 * (embedded) and ClickHouse (distributed) adapters implement with one logical schema. {@code
 * EventStoreConformance} (in this module's tests) is the executable form of this contract.
 *
 * <p>Writes are durable when the method returns: callers acknowledge clients or commit Kafka
 * offsets only afterwards. A method that throws may or may not have stored its batch.
 *
 * <p>Each project has its own events table ({@link EventTables}), with one typed, nullable column
 * per property ({@link ColumnType}). Times are kept to the millisecond and property values in the
 * one form per type of {@link PropertyValues}, so an event read back equals the event written
 * (numbers in canonical form; an empty list reads back as absent). Reasons are kept as {@code
 * EventJson} writes them.
 *
 * <p>Schema evolution happens on write: before a batch is stored, the columns its properties lack
 * are added with the types {@link PropertyTypes} gives. Columns are never dropped or changed.
 * Several writers may add the same column at once.
 *
 * <p>Writing is idempotent: an event appended again with the same {@code insertId} (a batch the
 * sink loads twice after a crash between insert and offset commit) is read back once, and so is a
 * quarantined record with the same {@code quarantineId}. Each engine applies this in its own way (a
 * unique key in DuckDB, de-duplicating reads over {@code ReplacingMergeTree} in ClickHouse).
 */
public interface EventStore {

  /**
   * Creates the tables shared by all projects (the quarantine), if absent. Safe to call on every
   * start. A project's events tables are created when its first batch is appended.
   */
  void createSchema();

  /**
   * Stores a batch of accepted events, of any projects; durable on return. An empty batch does
   * nothing. Creates a project's tables (events and links) and adds the columns the batch's
   * properties lack first. Stores the links the batch's signups carry.
   *
   * @param types the types of properties that have no column yet
   * @throws UntypedPropertyException if a property has neither a column nor a type; nothing is
   *     stored
   * @throws IllegalArgumentException if a value does not have its column type's form
   */
  void append(List<TrackedEvent> events, PropertyTypes types);

  /**
   * Stores a batch of every kind of record, durable on return, as {@link #append}, {@link
   * #appendProfileUpdates}, {@link #appendItemUpdates} and {@link #quarantine} would, with {@code
   * types} for the events. An engine with transactions stores the whole batch in one, so a failure
   * stores none of it; the others store it kind by kind, and a failure may leave some kinds stored
   * (harmless: writes are idempotent, and the caller acknowledges nothing).
   */
  default void write(WriteBatch batch, PropertyTypes types) {
    append(batch.events(), types);
    appendProfileUpdates(batch.profileUpdates());
    appendItemUpdates(batch.itemUpdates());
    quarantine(batch.quarantined());
  }

  /**
   * Stores a batch of which some events may already be stored: one delivered again after a crash
   * between insert and offset commit, or retried after an insert whose outcome is unknown. Only the
   * events not yet stored are added, so analyses, which read without de-duplicating, count each
   * event once. Costs a lookup of the batch's insert ids; writers call it only for such batches.
   */
  default void appendRedelivered(List<TrackedEvent> events, PropertyTypes types) {
    append(events, types);
  }

  /**
   * The winning link of each anonymous id of a project, by anonymous id; empty when the project has
   * stored no links.
   */
  List<IdLink> findLinks(String project);

  /**
   * Stores a batch of profile updates, of any projects, in each project's update log ({@link
   * EventTables#profileUpdates}, created if absent); durable on return. An empty batch does
   * nothing. Idempotent like {@link #append}: an update stored again with the same {@code insertId}
   * is read back once, so a redelivered batch needs no special call.
   */
  void appendProfileUpdates(List<ProfileUpdate> updates);

  /**
   * The profile updates sent under any of {@code distinctIds} (one user's, {@link #findUserIds}),
   * each once, in {@link ProfileUpdate#ORDER}; empty when the project has none.
   *
   * @param distinctIds not empty
   */
  List<ProfileUpdate> findProfileUpdates(String project, List<String> distinctIds);

  /**
   * The latest profile of the user whose ids are {@code distinctIds}: their updates folded by
   * {@link ProfileFolding}, in Java, so that every engine gives the same profile. Empty when the
   * ids have no updates or the last thing that happened to the profile was a delete.
   *
   * @param distinctIds not empty
   */
  default Optional<Profile> findProfile(String project, List<String> distinctIds) {
    return ProfileFolding.fold(findProfileUpdates(project, distinctIds));
  }

  /**
   * Stores a batch of item updates, of any projects, in each project's update log ({@link
   * EventTables#itemUpdates}, created if absent); durable on return. An empty batch does nothing.
   * Idempotent like {@link #appendProfileUpdates}: an update stored again with the same {@code
   * insertId} is read back once.
   */
  void appendItemUpdates(List<ItemUpdate> updates);

  /**
   * The updates of one item, each once, in {@link ItemUpdate#ORDER}; empty when the project has
   * none.
   */
  List<ItemUpdate> findItemUpdates(String project, String itemType, String itemId);

  /**
   * The latest state of an item: its updates folded by {@link ItemFolding}, in Java, so that every
   * engine gives the same item. Empty when the item has no updates or the last was a delete.
   */
  default Optional<Item> findItem(String project, String itemType, String itemId) {
    return ItemFolding.fold(findItemUpdates(project, itemType, itemId));
  }

  /** Stores a batch of quarantined records; durable on return. An empty batch does nothing. */
  void quarantine(List<QuarantinedRecord> records);

  /**
   * One distinct id's events, newest first by event time; events of the same millisecond latest
   * received first, then by descending {@code insertId}, so the order is stable.
   *
   * @param limit at most this many, not negative
   */
  default List<TrackedEvent> findUserEvents(String project, String distinctId, int limit) {
    return findUserEvents(project, List.of(distinctId), limit);
  }

  /**
   * The events of several distinct ids (one user's, {@link #findUserIds}), merged in the order of
   * {@link #findUserEvents(String, String, int)}.
   *
   * @param distinctIds not empty
   * @param limit at most this many, not negative
   */
  List<TrackedEvent> findUserEvents(String project, List<String> distinctIds, int limit);

  /**
   * One user's events as {@code query} says, in its order (newest first by time, then by descending
   * {@code insertId}, each event once): an action sequence filtered by event and time, paged back
   * with {@link UserEventQuery#before}.
   */
  List<TrackedEvent> findUserEvents(String project, UserEventQuery query);

  /**
   * The distinct ids of the user {@code distinctId} belongs to, as analyses resolve it: first the
   * user's id (the login id {@code distinctId} is linked to, else {@code distinctId} itself), then
   * the anonymous ids whose winning link is to that id, in order.
   */
  List<String> findUserIds(String project, String distinctId);

  /** The project's quarantined records with these ids, in no order; unknown ids are left out. */
  List<QuarantinedRecord> findQuarantined(String project, Collection<String> quarantineIds);

  /**
   * Records that quarantined records were replayed and accepted. A record already recorded keeps
   * its first replay.
   */
  void recordReplays(String project, List<QuarantineReplay> replays);

  /** The replays of these quarantined records, by quarantine id; absent ones were not replayed. */
  Map<String, QuarantineReplay> findReplays(String project, Collection<String> quarantineIds);

  /**
   * Retention: deletes the project's events of every month (UTC, the months events are partitioned
   * by) before {@code firstKept}, in every copy of them, and nothing else. Months without events
   * cost nothing; a project without events answers nothing.
   *
   * @return the months that held events and were dropped, oldest first
   */
  List<YearMonth> dropMonthsBefore(String project, YearMonth firstKept);

  /**
   * Quarantined records of a project, newest first by reception, then by descending id.
   *
   * @param limit at most this many, not negative
   */
  List<QuarantinedRecord> findQuarantined(String project, int limit);

  /** The engine and its version, e.g. {@code ClickHouse 18.16.1}, for health and diagnostics. */
  String describeEngine();
}
