package dev.sextant.store.duckdb;

import dev.sextant.event.IdLink;
import dev.sextant.event.QuarantineReplay;
import dev.sextant.event.QuarantinedRecord;
import dev.sextant.event.TrackedEvent;
import dev.sextant.event.item.ItemOperation;
import dev.sextant.event.item.ItemUpdate;
import dev.sextant.event.json.EventJson;
import dev.sextant.event.profile.ProfileOperation;
import dev.sextant.event.profile.ProfileUpdate;
import dev.sextant.store.ColumnType;
import dev.sextant.store.EventQueries;
import dev.sextant.store.EventStore;
import dev.sextant.store.EventTables;
import dev.sextant.store.PropertyTypes;
import dev.sextant.store.PropertyValues;
import dev.sextant.store.QueryRows;
import dev.sextant.store.QueryTimeoutException;
import dev.sextant.store.UntypedPropertyException;
import dev.sextant.store.UserEventQuery;
import dev.sextant.store.UserLists;
import dev.sextant.store.WriteBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The event store on DuckDB, inside the process, for the embedded mode: one file, or memory.
 *
 * <p>DuckDB allows one writer per database, so writes share one connection under a lock; each batch
 * is one transaction, committed (and so in DuckDB's write-ahead log) before the method returns.
 * Reads run concurrently on connections of their own, duplicated from the same database.
 * Thread-safe. The logical schema is the ClickHouse store's: a table per project with one typed
 * column per property, times in epoch milliseconds, UTC dates derived from them, reasons as JSON
 * text in {@link EventJson}'s form.
 */
public final class DuckDbEventStore implements EventStore, EventQueries, UserLists, AutoCloseable {

  /** Cancels queries that run past their timeout; one daemon thread for every store. */
  private static final ScheduledExecutorService CANCELLER =
      Executors.newSingleThreadScheduledExecutor(runnable ->
          Thread.ofPlatform().daemon().name("duckdb-query-timeout").unstarted(runnable));

  private final DuckDBConnection writer;
  private final Object writeLock = new Object();
  private final EventJson json = new EventJson();

  /** Property columns by project; written under the lock, cleared when a batch rolls back. */
  private final Map<String, Map<String, ColumnType>> columns = new ConcurrentHashMap<>();

  private final String version;

  private DuckDbEventStore(DuckDBConnection writer) throws SQLException {
    this.writer = writer;
    this.version = selectVersion(writer);
    // Batches are transactions: commit() in the write methods decides when a batch is durable.
    writer.setAutoCommit(false);
  }

  /** Opens (or creates) a database file; creates its directory if absent. */
  public static DuckDbEventStore open(Path file) {
    Path absolute = file.toAbsolutePath();
    try {
      Files.createDirectories(absolute.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the directory of " + absolute, e);
    }
    return connect("jdbc:duckdb:" + absolute);
  }

  /** A private database in memory, gone when closed: for tests and demos. */
  public static DuckDbEventStore inMemory() {
    return connect("jdbc:duckdb:");
  }

  @Override
  public void createSchema() {
    synchronized (writeLock) {
      inTransaction(() -> {
        try (Statement statement = writer.createStatement()) {
          statement.execute(DuckDbEventStatements.CREATE_QUARANTINE);
          statement.execute(DuckDbEventStatements.CREATE_QUARANTINE_REPLAYS);
          for (String project : projectsWithEvents()) {
            // A database from before ID links: analyses join the links table of every project.
            statement.execute(DuckDbEventStatements.createIdLinks(project));
          }
        }
      });
    }
  }

  private List<String> projectsWithEvents() throws SQLException {
    List<String> projects = new ArrayList<>();
    try (Statement select = writer.createStatement();
        ResultSet rows = select.executeQuery(DuckDbEventStatements.SELECT_EVENTS_TABLES)) {
      while (rows.next()) {
        projects.add(rows.getString(1).substring("events_".length()));
      }
    }
    return projects;
  }

  /**
   * Appends through DuckDB's appender into a temporary staging table, then moves the batch into the
   * project's table with one {@code INSERT OR IGNORE ... SELECT}: row-by-row inserts against the
   * {@code insert_id} key were two orders of magnitude slower. The project's table and the columns
   * the batch lacks are created in the same transaction, so a failed batch leaves no trace.
   */
  @Override
  public void append(List<TrackedEvent> events, PropertyTypes types) {
    if (events.isEmpty()) {
      return;
    }
    synchronized (writeLock) {
      inWriteTransaction(() -> appendEvents(events, types));
    }
  }

  /**
   * The whole batch in one transaction: the embedded collector's group commit makes one batch of
   * many requests, and each request is answered only if all of the batch was committed.
   */
  @Override
  public void write(WriteBatch batch, PropertyTypes types) {
    if (batch.isEmpty()) {
      return;
    }
    synchronized (writeLock) {
      inWriteTransaction(() -> {
        appendEvents(batch.events(), types);
        insertProfileUpdates(batch.profileUpdates());
        insertItemUpdates(batch.itemUpdates());
        insertQuarantined(batch.quarantined());
      });
    }
  }

  /** {@link #inTransaction}, forgetting the known columns if the transaction rolled back. */
  private void inWriteTransaction(SqlWork work) {
    try {
      inTransaction(work);
    } catch (RuntimeException e) {
      // The transaction's columns were rolled back with it.
      columns.clear();
      throw e;
    }
  }

  private void appendEvents(List<TrackedEvent> events, PropertyTypes types) throws SQLException {
    Map<String, List<TrackedEvent>> byProject = byProject(events, TrackedEvent::project);
    for (Map.Entry<String, List<TrackedEvent>> batch : byProject.entrySet()) {
      appendToProject(batch.getKey(), batch.getValue(), types);
    }
  }

  private void appendToProject(String project, List<TrackedEvent> batch, PropertyTypes types)
      throws SQLException {
    TreeSet<String> properties = new TreeSet<>();
    batch.forEach(event -> properties.addAll(event.properties().keySet()));
    properties.forEach(PropertyValues::requirePropertyName);
    Map<String, ColumnType> known = ensureColumns(project, properties, types);
    List<String> ordered = List.copyOf(properties);
    try (Statement statement = writer.createStatement()) {
      statement.execute(DuckDbEventStatements.createStaging(ordered, known));
    }
    try (DuckDBAppender appender =
        writer.createAppender("temp", "main", DuckDbEventStatements.EVENTS_STAGING)) {
      for (TrackedEvent event : batch) {
        appendEvent(appender, event, ordered, known);
      }
    }
    try (Statement statement = writer.createStatement()) {
      statement.execute(DuckDbEventStatements.moveStaged(project, ordered));
      statement.execute(DuckDbEventStatements.DROP_STAGED_EVENTS);
    }
    storeLinks(project, batch);
  }

  /** The batch's links, the winning one per anonymous id, merged with those already stored. */
  private void storeLinks(String project, List<TrackedEvent> batch) throws SQLException {
    Map<String, IdLink> winners = new LinkedHashMap<>();
    for (TrackedEvent event : batch) {
      IdLink.of(event)
          .ifPresent(link ->
              winners.merge(
                  link.anonymousId(), link, (kept, other) -> other.precedes(kept) ? other : kept));
    }
    if (winners.isEmpty()) {
      return;
    }
    try (PreparedStatement upsert =
        writer.prepareStatement(DuckDbEventStatements.upsertIdLink(project))) {
      for (IdLink link : winners.values()) {
        upsert.setString(1, link.project());
        upsert.setString(2, link.anonymousId());
        upsert.setString(3, link.loginId());
        upsert.setLong(4, link.linkedAt().toEpochMilli());
        upsert.executeUpdate();
      }
    }
  }

  @Override
  public List<IdLink> findLinks(String project) {
    try (Connection reader = writer.duplicate()) {
      if (!tableExists(reader, EventTables.idLinks(project))) {
        return List.of();
      }
      List<IdLink> links = new ArrayList<>();
      try (Statement select = reader.createStatement();
          ResultSet rows = select.executeQuery(DuckDbEventStatements.selectIdLinks(project))) {
        while (rows.next()) {
          links.add(
              new IdLink(
                  rows.getString("project"),
                  rows.getString("anonymous_id"),
                  rows.getString("login_id"),
                  Instant.ofEpochMilli(rows.getLong("linked_at_ms"))));
        }
      }
      return links;
    } catch (SQLException e) {
      throw new DuckDbStoreException("cannot read the ID links of " + project, e);
    }
  }

  /** The table's property columns, after creating the table and adding the columns it lacked. */
  private Map<String, ColumnType> ensureColumns(
      String project, Set<String> properties, PropertyTypes types) throws SQLException {
    Map<String, ColumnType> known = columns.get(project);
    if (known != null && known.keySet().containsAll(properties)) {
      return known;
    }
    try (Statement statement = writer.createStatement()) {
      statement.execute(DuckDbEventStatements.createEvents(project));
      statement.execute(DuckDbEventStatements.createIdLinks(project));
      known = readColumns(writer, project);
      for (String property : properties) {
        if (!known.containsKey(property)) {
          ColumnType type =
              types
                  .typeOf(project, property)
                  .orElseThrow(() -> new UntypedPropertyException(project, property));
          statement.execute(DuckDbEventStatements.addColumn(project, property, type));
        }
      }
    }
    known = readColumns(writer, project);
    columns.put(project, known);
    return known;
  }

  private static Map<String, ColumnType> readColumns(Connection connection, String project)
      throws SQLException {
    Map<String, ColumnType> found = new LinkedHashMap<>();
    try (PreparedStatement select =
        connection.prepareStatement(DuckDbEventStatements.SELECT_COLUMNS)) {
      select.setString(1, EventTables.events(project));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String name = rows.getString(1);
          if (!PropertyValues.FIXED_COLUMNS.contains(name)) {
            found.put(name, propertyColumnType(name, rows.getString(2)));
          }
        }
      }
    }
    return Map.copyOf(found);
  }

  private static ColumnType propertyColumnType(String column, String duckDbType) {
    return DuckDbEventStatements.columnType(duckDbType)
        .orElseThrow(() ->
            new IllegalStateException(
                "column %s has type %s, not one Sextant creates".formatted(column, duckDbType)));
  }

  @Override
  public void quarantine(List<QuarantinedRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    synchronized (writeLock) {
      inTransaction(() -> insertQuarantined(records));
    }
  }

  private void insertQuarantined(List<QuarantinedRecord> records) throws SQLException {
    if (records.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        writer.prepareStatement(DuckDbEventStatements.INSERT_QUARANTINED)) {
      for (QuarantinedRecord record : records) {
        insert.setString(1, record.project());
        insert.setString(2, record.quarantineId());
        insert.setLong(3, record.receivedAt().toEpochMilli());
        insert.setString(4, json.writeReasons(record.reasons()));
        insert.setString(5, record.payload());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** One transaction for the whole batch; the tables of its projects are created in it. */
  @Override
  public void appendProfileUpdates(List<ProfileUpdate> updates) {
    if (updates.isEmpty()) {
      return;
    }
    synchronized (writeLock) {
      inTransaction(() -> insertProfileUpdates(updates));
    }
  }

  /** The records of each project, in their order, projects in the order they first appear. */
  private static <T> Map<String, List<T>> byProject(List<T> records, Function<T, String> project) {
    Map<String, List<T>> byProject = new LinkedHashMap<>();
    records.forEach(record ->
        byProject.computeIfAbsent(project.apply(record), p -> new ArrayList<>()).add(record));
    return byProject;
  }

  private void insertProfileUpdates(List<ProfileUpdate> updates) throws SQLException {
    Map<String, List<ProfileUpdate>> byProject = byProject(updates, ProfileUpdate::project);
    for (Map.Entry<String, List<ProfileUpdate>> batch : byProject.entrySet()) {
      String project = batch.getKey();
      try (Statement statement = writer.createStatement()) {
        statement.execute(DuckDbEventStatements.createProfileUpdates(project));
      }
      try (PreparedStatement insert =
          writer.prepareStatement(DuckDbEventStatements.insertProfileUpdate(project))) {
        for (ProfileUpdate update : batch.getValue()) {
          insert.setString(1, update.project());
          insert.setString(2, update.distinctId());
          insert.setString(3, update.operation().name());
          insert.setString(4, json.writeProperties(update.properties()));
          insert.setLong(5, update.time().toEpochMilli());
          insert.setString(6, update.insertId());
          insert.setLong(7, update.receivedAt().toEpochMilli());
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }

  @Override
  public List<ProfileUpdate> findProfileUpdates(String project, List<String> distinctIds) {
    requireIds(distinctIds);
    try (Connection reader = writer.duplicate()) {
      if (!tableExists(reader, EventTables.profileUpdates(project))) {
        return List.of();
      }
      try (PreparedStatement select =
          reader.prepareStatement(
              DuckDbEventStatements.selectProfileUpdates(project, distinctIds.size()))) {
        int parameter = 1;
        select.setString(parameter++, project);
        for (String distinctId : distinctIds) {
          select.setString(parameter++, distinctId);
        }
        List<ProfileUpdate> updates = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            updates.add(
                new ProfileUpdate(
                    rows.getString("project"),
                    rows.getString("distinct_id"),
                    ProfileOperation.valueOf(rows.getString("operation")),
                    json.readPropertyValues(rows.getString("properties")),
                    Instant.ofEpochMilli(rows.getLong("time_ms")),
                    rows.getString("insert_id"),
                    Instant.ofEpochMilli(rows.getLong("received_at_ms"))));
          }
        }
        return updates;
      }
    } catch (SQLException e) {
      throw new DuckDbStoreException("cannot read the profile updates of a user of " + project, e);
    }
  }

  /** One transaction for the whole batch; the tables of its projects are created in it. */
  @Override
  public void appendItemUpdates(List<ItemUpdate> updates) {
    if (updates.isEmpty()) {
      return;
    }
    synchronized (writeLock) {
      inTransaction(() -> insertItemUpdates(updates));
    }
  }

  private void insertItemUpdates(List<ItemUpdate> updates) throws SQLException {
    Map<String, List<ItemUpdate>> byProject = byProject(updates, ItemUpdate::project);
    for (Map.Entry<String, List<ItemUpdate>> batch : byProject.entrySet()) {
      String project = batch.getKey();
      try (Statement statement = writer.createStatement()) {
        statement.execute(DuckDbEventStatements.createItemUpdates(project));
      }
      try (PreparedStatement insert =
          writer.prepareStatement(DuckDbEventStatements.insertItemUpdate(project))) {
        for (ItemUpdate update : batch.getValue()) {
          insert.setString(1, update.project());
          insert.setString(2, update.itemType());
          insert.setString(3, update.itemId());
          insert.setString(4, update.operation().name());
          insert.setString(5, json.writeProperties(update.properties()));
          insert.setLong(6, update.time().toEpochMilli());
          insert.setString(7, update.insertId());
          insert.setLong(8, update.receivedAt().toEpochMilli());
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }

  @Override
  public List<ItemUpdate> findItemUpdates(String project, String itemType, String itemId) {
    try (Connection reader = writer.duplicate()) {
      if (!tableExists(reader, EventTables.itemUpdates(project))) {
        return List.of();
      }
      try (PreparedStatement select =
          reader.prepareStatement(DuckDbEventStatements.selectItemUpdates(project))) {
        select.setString(1, project);
        select.setString(2, itemType);
        select.setString(3, itemId);
        List<ItemUpdate> updates = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            updates.add(
                new ItemUpdate(
                    rows.getString("project"),
                    rows.getString("item_type"),
                    rows.getString("item_id"),
                    ItemOperation.valueOf(rows.getString("operation")),
                    json.readPropertyValues(rows.getString("properties")),
                    Instant.ofEpochMilli(rows.getLong("time_ms")),
                    rows.getString("insert_id"),
                    Instant.ofEpochMilli(rows.getLong("received_at_ms"))));
          }
        }
        return updates;
      }
    } catch (SQLException e) {
      throw new DuckDbStoreException("cannot read the updates of an item of " + project, e);
    }
  }

  @Override
  public List<TrackedEvent> findUserEvents(String project, List<String> distinctIds, int limit) {
    requireLimit(limit);
    requireIds(distinctIds);
    try (Connection reader = writer.duplicate()) {
      if (!tableExists(reader, EventTables.events(project))) {
        return List.of();
      }
      try (PreparedStatement select =
          reader.prepareStatement(
              DuckDbEventStatements.selectUserEvents(project, distinctIds.size()))) {
        int parameter = 1;
        select.setString(parameter++, project);
        for (String distinctId : distinctIds) {
          select.setString(parameter++, distinctId);
        }
        select.setInt(parameter, limit);
        List<TrackedEvent> events = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            events.add(readEvent(rows));
          }
        }
        return events;
      }
    } catch (SQLException e) {
      throw new DuckDbStoreException("cannot read the events of a user of " + project, e);
    }
  }

  @Override
  public List<TrackedEvent> findUserEvents(String project, UserEventQuery query) {
    try (Connection reader = writer.duplicate()) {
      if (!tableExists(reader, EventTables.events(project))) {
        return List.of();
      }
      try (PreparedStatement select =
          reader.prepareStatement(DuckDbEventStatements.selectUserEvents(project, query))) {
        int parameter = 1;
        select.setString(parameter++, project);
        for (String distinctId : query.distinctIds()) {
          select.setString(parameter++, distinctId);
        }
        for (String event : query.events()) {
          select.setString(parameter++, event);
        }
        if (query.from() != null) {
          select.setLong(parameter++, query.from().toEpochMilli());
        }
        if (query.to() != null) {
          select.setLong(parameter++, query.to().toEpochMilli());
        }
        if (query.before() != null) {
          select.setLong(parameter++, query.before().time().toEpochMilli());
          select.setLong(parameter++, query.before().time().toEpochMilli());
          select.setString(parameter++, query.before().insertId());
        }
        select.setInt(parameter, query.limit());
        List<TrackedEvent> events = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            events.add(readEvent(rows));
          }
        }
        return events;
      }
    } catch (SQLException e) {
      throw new DuckDbStoreException("cannot read the events of a user of " + project, e);
    }
  }

  @Override
  public List<String> findUserIds(String project, String distinctId) {
    try (Connection reader = writer.duplicate()) {
      if (!tableExists(reader, EventTables.idLinks(project))) {
        return List.of(distinctId);
      }
      String userId =
          readStrings(reader, DuckDbEventStatements.selectLoginId(project), distinctId).stream()
              .findFirst()
              .orElse(distinctId);
      List<String> ids = new ArrayList<>(List.of(userId));
      ids.addAll(readStrings(reader, DuckDbEventStatements.selectAnonymousIds(project), userId));
      return List.copyOf(ids);
    } catch (SQLException e) {
      throw new DuckDbStoreException("cannot read the ids of a user of " + project, e);
    }
  }

  private static List<String> readStrings(Connection connection, String sql, String parameter)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, parameter);
      List<String> values = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    }
  }

  private static boolean tableExists(Connection connection, String table) throws SQLException {
    try (PreparedStatement count =
        connection.prepareStatement(DuckDbEventStatements.COUNT_TABLES)) {
      count.setString(1, table);
      try (ResultSet result = count.executeQuery()) {
        result.next();
        return result.getLong(1) > 0;
      }
    }
  }

  @Override
  public List<YearMonth> dropMonthsBefore(String project, YearMonth firstKept) {
    String table = EventTables.events(project);
    long cutoff = firstKept.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    List<YearMonth> months = new ArrayList<>();
    synchronized (writeLock) {
      inTransaction(() -> {
        if (!projectsWithEvents().contains(project)) {
          return;
        }
        try (Statement statement = writer.createStatement()) {
          try (ResultSet rows =
              statement.executeQuery(
                  "SELECT DISTINCT year(epoch_ms(time_ms)) AS y, month(epoch_ms(time_ms)) AS m"
                      + " FROM "
                      + table
                      + " WHERE time_ms < "
                      + cutoff
                      + " ORDER BY y, m")) {
            while (rows.next()) {
              months.add(YearMonth.of(rows.getInt("y"), rows.getInt("m")));
            }
          }
          statement.executeUpdate("DELETE FROM " + table + " WHERE time_ms < " + cutoff);
        }
      });
    }
    return months;
  }

  @Override
  public List<QuarantinedRecord> findQuarantined(String project, int limit) {
    requireLimit(limit);
    try (Connection reader = writer.duplicate();
        PreparedStatement select =
            reader.prepareStatement(DuckDbEventStatements.SELECT_QUARANTINED)) {
      select.setString(1, project);
      select.setInt(2, limit);
      List<QuarantinedRecord> records = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          records.add(quarantinedRecord(rows));
        }
      }
      return records;
    } catch (SQLException e) {
      throw new DuckDbStoreException("cannot read the quarantine of " + project, e);
    }
  }

  @Override
  public List<QuarantinedRecord> findQuarantined(String project, Collection<String> quarantineIds) {
    try (Connection reader = writer.duplicate();
        PreparedStatement select =
            reader.prepareStatement(DuckDbEventStatements.SELECT_QUARANTINED_BY_ID)) {
      List<QuarantinedRecord> records = new ArrayList<>();
      for (String id : new java.util.LinkedHashSet<>(quarantineIds)) {
        select.setString(1, project);
        select.setString(2, id);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            records.add(quarantinedRecord(rows));
          }
        }
      }
      return records;
    } catch (SQLException e) {
      throw new DuckDbStoreException("cannot read the quarantine of " + project, e);
    }
  }

  private QuarantinedRecord quarantinedRecord(ResultSet rows) throws SQLException {
    return new QuarantinedRecord(
        rows.getString("project"),
        rows.getString("quarantine_id"),
        Instant.ofEpochMilli(rows.getLong("received_at_ms")),
        json.readReasons(rows.getString("reasons")),
        rows.getString("payload"));
  }

  @Override
  public void recordReplays(String project, List<QuarantineReplay> replays) {
    synchronized (writeLock) {
      inTransaction(() -> {
        try (PreparedStatement insert =
            writer.prepareStatement(DuckDbEventStatements.INSERT_REPLAY)) {
          for (QuarantineReplay replay : replays) {
            insert.setString(1, project);
            insert.setString(2, replay.quarantineId());
            insert.setLong(3, replay.replayedAt().toEpochMilli());
            insert.setString(4, replay.insertId());
            insert.setString(5, replay.replayedBy());
            insert.addBatch();
          }
          insert.executeBatch();
        }
      });
    }
  }

  @Override
  public Map<String, QuarantineReplay> findReplays(
      String project, Collection<String> quarantineIds) {
    try (Connection reader = writer.duplicate();
        PreparedStatement select = reader.prepareStatement(DuckDbEventStatements.SELECT_REPLAY)) {
      Map<String, QuarantineReplay> replays = new LinkedHashMap<>();
      for (String id : new java.util.LinkedHashSet<>(quarantineIds)) {
        select.setString(1, project);
        select.setString(2, id);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            replays.put(
                id,
                new QuarantineReplay(
                    rows.getString("quarantine_id"),
                    Instant.ofEpochMilli(rows.getLong("replayed_at_ms")),
                    rows.getString("insert_id"),
                    rows.getString("replayed_by")));
          }
        }
      }
      return replays;
    } catch (SQLException e) {
      throw new DuckDbStoreException("cannot read the replays of " + project, e);
    }
  }

  @Override
  public Optional<Map<String, ColumnType>> propertyColumns(String project) {
    try (Connection reader = writer.duplicate();
        PreparedStatement select = reader.prepareStatement(DuckDbEventStatements.SELECT_COLUMNS)) {
      if (!tableExists(reader, EventTables.events(project))) {
        return Optional.empty();
      }
      select.setString(1, EventTables.events(project));
      Map<String, ColumnType> found = new LinkedHashMap<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String name = rows.getString(1);
          if (!DuckDbEventStatements.EVENT_COLUMNS.contains(name) && !name.equals("event_date")) {
            DuckDbEventStatements.columnType(rows.getString(2))
                .ifPresent(type -> found.put(name, type));
          }
        }
      }
      return Optional.of(Map.copyOf(found));
    } catch (SQLException e) {
      throw new DuckDbStoreException("cannot read the columns of " + project, e);
    }
  }

  /**
   * Runs the query on a connection of its own; a timer cancels it after {@code timeout} (DuckDB has
   * no server-side time limit).
   */
  @Override
  public long storeSnapshot(String project, String segmentId, String snapshotId, String members) {
    String table = EventTables.segmentMembers(project);
    String segment = "'" + UserLists.requireId(segmentId, "segmentId") + "'";
    String snapshot = "'" + UserLists.requireId(snapshotId, "snapshotId") + "'";
    long[] stored = new long[1];
    synchronized (writeLock) {
      inTransaction(() -> {
        try (Statement statement = writer.createStatement()) {
          statement.execute(
              "CREATE TABLE IF NOT EXISTS "
                  + table
                  + " (segment_id VARCHAR NOT NULL, snapshot_id VARCHAR NOT NULL,"
                  + " user_id VARCHAR NOT NULL, PRIMARY KEY (segment_id, snapshot_id, user_id))");
          stored[0] =
              statement.executeUpdate(
                  "INSERT INTO "
                      + table
                      + " SELECT "
                      + segment
                      + ", "
                      + snapshot
                      + ", user_id FROM ("
                      + members
                      + ")");
        }
      });
    }
    return stored[0];
  }

  @Override
  public void storeAudience(
      String project, String campaignId, List<String> targeted, List<String> heldOut) {
    String table = EventTables.campaignMembers(project);
    UserLists.requireId(campaignId, "campaignId");
    synchronized (writeLock) {
      inTransaction(() -> {
        try (Statement statement = writer.createStatement()) {
          statement.execute(
              "CREATE TABLE IF NOT EXISTS "
                  + table
                  + " (campaign_id VARCHAR NOT NULL, user_id VARCHAR NOT NULL,"
                  + " held_out BOOLEAN NOT NULL, PRIMARY KEY (campaign_id, user_id))");
        }
        try (PreparedStatement insert =
            writer.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?)")) {
          for (boolean held : new boolean[] {false, true}) {
            for (String user : held ? heldOut : targeted) {
              insert.setString(1, campaignId);
              insert.setString(2, user);
              insert.setBoolean(3, held);
              insert.addBatch();
            }
          }
          insert.executeBatch();
        }
      });
    }
  }

  @Override
  public Engine engine() {
    return Engine.DUCKDB;
  }

  @Override
  public QueryRows select(String sql, Duration timeout) {
    return select(sql, timeout, Integer.MAX_VALUE - 1);
  }

  @Override
  public QueryRows select(String sql, Duration timeout, int maxRows) {
    AtomicBoolean timedOut = new AtomicBoolean();
    try (Connection reader = writer.duplicate();
        Statement statement = reader.createStatement()) {
      ScheduledFuture<?> cancel =
          CANCELLER.schedule(
              () -> {
                timedOut.set(true);
                try {
                  statement.cancel();
                } catch (SQLException e) {
                  // The statement has ended on its own: nothing to cancel.
                }
              },
              timeout.toMillis(),
              TimeUnit.MILLISECONDS);
      // Statement.setMaxRows is accepted and ignored by DuckDB's driver (2.0): stop reading here,
      // one row past the limit, before the rest is turned into Java objects.
      try (ResultSet result = statement.executeQuery(sql)) {
        return DuckDbQueryRows.read(result, maxRows + 1);
      } finally {
        cancel.cancel(false);
      }
    } catch (SQLException e) {
      if (timedOut.get()) {
        throw new QueryTimeoutException(timeout, e);
      }
      throw new DuckDbStoreException("query failed: " + e.getMessage(), e);
    }
  }

  /** {@code DuckDB 1.4.1}. */
  @Override
  public String describeEngine() {
    return "DuckDB " + version;
  }

  @Override
  public void close() {
    synchronized (writeLock) {
      try {
        writer.close();
      } catch (SQLException e) {
        throw new DuckDbStoreException("cannot close DuckDB", e);
      }
    }
  }

  private static DuckDbEventStore connect(String url) {
    try {
      return new DuckDbEventStore(DriverManager.getConnection(url).unwrap(DuckDBConnection.class));
    } catch (SQLException e) {
      throw new DuckDbStoreException("cannot open DuckDB at " + url, e);
    }
  }

  private static String selectVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT version()")) {
      result.next();
      String version = result.getString(1);
      return version.startsWith("v") ? version.substring(1) : version;
    }
  }

  /** Runs {@code work} on the writer and commits, or rolls back and throws. Holds the lock. */
  private void inTransaction(SqlWork work) {
    try {
      work.run();
      writer.commit();
    } catch (SQLException | RuntimeException e) {
      try {
        writer.rollback();
      } catch (SQLException rollbackFailure) {
        e.addSuppressed(rollbackFailure);
      }
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new DuckDbStoreException("cannot write to DuckDB; the batch was rolled back", e);
    }
  }

  private static void appendEvent(
      DuckDBAppender appender,
      TrackedEvent event,
      List<String> properties,
      Map<String, ColumnType> types)
      throws SQLException {
    appender.beginRow();
    appender.append(event.project());
    appender.append(event.event());
    appender.append(event.distinctId());
    appender.append(event.time().toEpochMilli());
    appender.append(event.insertId());
    if (event.trackId() == null) {
      appender.appendNull();
    } else {
      appender.append(event.trackId().longValue());
    }
    appender.append(event.receivedAt().toEpochMilli());
    for (String property : properties) {
      Object value = event.properties().get(property);
      if (value == null || PropertyValues.isStoredAsAbsent(value)) {
        appender.appendNull();
      } else {
        appendProperty(appender, property, types.get(property), value);
      }
    }
    appender.endRow();
  }

  private static void appendProperty(
      DuckDBAppender appender, String property, ColumnType type, Object value) throws SQLException {
    switch (type) {
      case NUMBER ->
          appender.append(
              PropertyValues.number(property, value)
                  .setScale(PropertyValues.NUMBER_SCALE, RoundingMode.UNNECESSARY));
      case STRING -> appender.append(PropertyValues.string(property, value));
      case BOOL -> appender.append(PropertyValues.bool(property, value));
      case DATETIME -> appender.append(PropertyValues.dateTime(property, value));
      case DATE -> appender.append(PropertyValues.date(property, value));
      case LIST -> appender.append(PropertyValues.list(property, value));
    }
  }

  private static TrackedEvent readEvent(ResultSet rows) throws SQLException {
    Long trackId = nullableLong(rows, "track_id");
    return new TrackedEvent(
        rows.getString("project"),
        rows.getString("event"),
        rows.getString("distinct_id"),
        Instant.ofEpochMilli(rows.getLong("time_ms")),
        rows.getString("insert_id"),
        trackId,
        readProperties(rows),
        Instant.ofEpochMilli(rows.getLong("received_at_ms")));
  }

  /** The non-null property columns of a row, each in its one Java form. */
  private static Map<String, Object> readProperties(ResultSet rows) throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    Map<String, Object> properties = new HashMap<>();
    for (int column = 1; column <= meta.getColumnCount(); column++) {
      String name = meta.getColumnName(column);
      if (PropertyValues.FIXED_COLUMNS.contains(name)) {
        continue;
      }
      ColumnType type = propertyColumnType(name, meta.getColumnTypeName(column));
      Object value = readProperty(rows, column, type);
      if (value != null) {
        properties.put(name, value);
      }
    }
    return properties;
  }

  private static Object readProperty(ResultSet rows, int column, ColumnType type)
      throws SQLException {
    if (rows.getObject(column) == null) {
      return null;
    }
    return switch (type) {
      case NUMBER -> PropertyValues.canonicalNumber(rows.getBigDecimal(column));
      case STRING -> rows.getString(column);
      case BOOL -> rows.getBoolean(column);
      case DATETIME -> PropertyValues.dateTimeText(rows.getObject(column, LocalDateTime.class));
      case DATE -> rows.getObject(column, LocalDate.class).toString();
      case LIST -> readList(rows.getArray(column));
    };
  }

  private static List<String> readList(Array array) throws SQLException {
    Object[] items = (Object[]) array.getArray();
    List<String> list = new ArrayList<>(items.length);
    for (Object item : items) {
      list.add((String) item);
    }
    return List.copyOf(list);
  }

  private static Long nullableLong(ResultSet rows, String column) throws SQLException {
    long value = rows.getLong(column);
    return rows.wasNull() ? null : value;
  }

  private static void requireIds(List<String> distinctIds) {
    if (distinctIds.isEmpty()) {
      throw new IllegalArgumentException("at least one distinct id is needed");
    }
  }

  private static void requireLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
  }

  @FunctionalInterface
  private interface SqlWork {
    void run() throws SQLException;
  }
}
