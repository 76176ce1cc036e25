package dev.sextant.store.clickhouse;

import static dev.sextant.store.clickhouse.ClickHouseEventStatements.ID_LINK_COLUMNS;
import static dev.sextant.store.clickhouse.ClickHouseEventStatements.INSERTED_EVENT_COLUMNS;
import static dev.sextant.store.clickhouse.ClickHouseEventStatements.INSERTED_QUARANTINE_COLUMNS;
import static dev.sextant.store.clickhouse.ClickHouseEventStatements.ITEM_UPDATE_COLUMNS;
import static dev.sextant.store.clickhouse.ClickHouseEventStatements.PROFILE_UPDATE_COLUMNS;
import static dev.sextant.store.clickhouse.ClickHouseEventStatements.QUARANTINE;

import dev.sextant.event.IdLink;
import dev.sextant.event.QuarantineReplay;
import dev.sextant.event.QuarantinedRecord;
import dev.sextant.event.TrackedEvent;
import dev.sextant.event.item.ItemUpdate;
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
import dev.sextant.store.clickhouse.ClickHouseEventRows.UnknownColumnException;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event store on ClickHouse (18.16 and current versions), for the distributed mode.
 *
 * <p>A batch is one gzip-compressed {@code INSERT ... FORMAT JSONEachRow} (or {@code RowBinary},
 * {@link ClickHouseInsertFormat}) request per project. ClickHouse applies an insert of up to {@code
 * max_insert_block_size} rows (about a million) into one partition atomically; a batch spanning
 * months becomes one part per month, each atomic on its own. A batch is acknowledged once the
 * server has written its parts. The store does not own the client: whoever created the client
 * closes it.
 *
 * <p>Schema evolution: the store caches each events table's property columns. A property not in the
 * cache makes it re-read {@code system.columns} (another sink may have added it); a property still
 * missing is added, to the user-sorted copy first and then to the events table, so the {@code
 * SELECT *} view between them never sees a column its target lacks. Thread-safe; several processes
 * may evolve the same table at once.
 */
public final class ClickHouseEventStore implements EventStore, EventQueries, UserLists {

  private final ClickHouseHttpClient client;
  private final ClickHouseInsertFormat eventFormat;
  private final ClickHouseEventRows rows = new ClickHouseEventRows();
  private final JsonMapper mapper = JsonMapper.builder().build();
  private final ClickHouseQueryRows queryRows = new ClickHouseQueryRows();

  /** Insert ids looked up per query when a redelivered batch is checked. */
  private static final int REDELIVERY_CHUNK = 2000;

  /** Projects whose profile update log this process has created (or found). */
  private final Set<String> profileLogs = ConcurrentHashMap.newKeySet();

  /** Projects whose item update log this process has created (or found). */
  private final Set<String> itemLogs = ConcurrentHashMap.newKeySet();

  /** Property columns by table, as last read from {@code system.columns}. */
  private final Map<String, Map<String, ColumnType>> columns = new ConcurrentHashMap<>();

  public ClickHouseEventStore(ClickHouseHttpClient client) {
    this(client, ClickHouseInsertFormat.JSON_EACH_ROW);
  }

  /**
   * @param eventFormat how event rows are sent; the other inserts are {@code JSONEachRow}
   */
  public ClickHouseEventStore(ClickHouseHttpClient client, ClickHouseInsertFormat eventFormat) {
    this.client = client;
    this.eventFormat = eventFormat;
  }

  /** Creates the database of the connection, if absent, and the quarantine, if absent. */
  @Override
  public void createSchema() {
    client.createDatabaseIfAbsent();
    ClickHouseSchema.singleNode().forEach(client::execute);
  }

  @Override
  public void append(List<TrackedEvent> events, PropertyTypes types) {
    Map<String, List<TrackedEvent>> byProject = new LinkedHashMap<>();
    events.forEach(
        event -> byProject.computeIfAbsent(event.project(), p -> new ArrayList<>()).add(event));
    byProject.forEach((project, batch) -> appendToProject(project, batch, types));
  }

  /**
   * Looks up which of the batch's insert ids the project's table already holds (by the stored UTC
   * dates and event names, so the sorting key narrows the read, in chunks that keep each query far
   * below {@code max_query_size}) and appends the rest.
   */
  @Override
  public void appendRedelivered(List<TrackedEvent> events, PropertyTypes types) {
    Map<String, List<TrackedEvent>> byProject = new LinkedHashMap<>();
    events.forEach(
        event -> byProject.computeIfAbsent(event.project(), p -> new ArrayList<>()).add(event));
    byProject.forEach((project, batch) -> {
      Set<String> stored = storedInsertIds(project, batch);
      List<TrackedEvent> missing =
          batch.stream().filter(event -> !stored.contains(event.insertId())).toList();
      if (!missing.isEmpty()) {
        appendToProject(project, missing, types);
      }
    });
  }

  private Set<String> storedInsertIds(String project, List<TrackedEvent> batch) {
    String table = EventTables.events(project);
    if (!tableExists(table)) {
      return Set.of();
    }
    Set<String> stored = new HashSet<>();
    for (int from = 0; from < batch.size(); from += REDELIVERY_CHUNK) {
      List<TrackedEvent> chunk =
          batch.subList(from, Math.min(batch.size(), from + REDELIVERY_CHUNK));
      String answer =
          client.query(
              ClickHouseEventStatements.selectStoredInsertIds(project, chunk),
              ClickHouseFormat.TAB_SEPARATED);
      answer.lines().filter(line -> !line.isEmpty()).forEach(stored::add);
    }
    return stored;
  }

  private void appendToProject(String project, List<TrackedEvent> batch, PropertyTypes types) {
    String table = EventTables.events(project);
    TreeSet<String> properties = new TreeSet<>();
    batch.forEach(event -> properties.addAll(event.properties().keySet()));
    properties.forEach(PropertyValues::requirePropertyName);
    Map<String, ColumnType> known = ensureColumns(project, properties, types);
    List<String> insertedColumns =
        Stream.concat(INSERTED_EVENT_COLUMNS.stream(), properties.stream()).toList();
    List<IdLink> links = batch.stream().flatMap(event -> IdLink.of(event).stream()).toList();
    if (!links.isEmpty()) {
      // Before the events, so that a stored event implies its stored link: appendRedelivered skips
      // events already stored, and a link written twice collapses (the table is replacing).
      client.insert(EventTables.idLinks(project), ID_LINK_COLUMNS, rows.writeIdLinks(links));
    }
    byte[] body =
        switch (eventFormat) {
          case JSON_EACH_ROW -> rows.writeEvents(batch, known);
          case ROW_BINARY -> RowBinaryEvents.write(batch, List.copyOf(properties), known);
        };
    client.insert(table, insertedColumns, eventFormat, body);
  }

  @Override
  public List<IdLink> findLinks(String project) {
    try {
      return rows.readIdLinks(
          project,
          client.query(
              ClickHouseEventStatements.selectIdLinks(project), ClickHouseFormat.JSON_EACH_ROW));
    } catch (ClickHouseException e) {
      if (e.code() == ClickHouseEventStatements.UNKNOWN_TABLE) {
        return List.of();
      }
      throw e;
    }
  }

  /** The table's property columns, after adding those of {@code properties} it lacked. */
  private Map<String, ColumnType> ensureColumns(
      String project, TreeSet<String> properties, PropertyTypes types) {
    String table = EventTables.events(project);
    Map<String, ColumnType> known = columns.get(table);
    if (known != null && known.keySet().containsAll(properties)) {
      return known;
    }
    known = readColumns(table);
    if (known.isEmpty() && !tableExists(table)) {
      createTables(project);
      known = readColumns(table);
    }
    Map<String, ColumnType> missing = new LinkedHashMap<>();
    for (String property : properties) {
      if (!known.containsKey(property)) {
        missing.put(
            property,
            types
                .typeOf(project, property)
                .orElseThrow(() -> new UntypedPropertyException(project, property)));
      }
    }
    missing.forEach((property, type) -> addPropertyColumn(project, property, type));
    if (!missing.isEmpty()) {
      known = readColumns(table);
      for (String property : missing.keySet()) {
        if (!known.containsKey(property)) {
          throw new IllegalStateException(
              "column " + property + " of " + table + " is missing after it was added");
        }
      }
    }
    return known;
  }

  private void createTables(String project) {
    ClickHouseSchema.singleNode(project).forEach(this::createIfAbsent);
  }

  private void createIfAbsent(String createStatement) {
    try {
      client.execute(createStatement);
    } catch (ClickHouseException e) {
      // Another writer created it between our check and our statement (IF NOT EXISTS races).
      if (e.code() != ClickHouseEventStatements.TABLE_EXISTS) {
        throw e;
      }
    }
  }

  /** The copy first, so the {@code SELECT *} view never selects a column its target lacks. */
  private void addPropertyColumn(String project, String property, ColumnType type) {
    addColumn(EventTables.eventsByUser(project), property, type);
    addColumn(EventTables.events(project), property, type);
  }

  private void addColumn(String table, String property, ColumnType type) {
    try {
      client.execute(ClickHouseSchema.addColumn(table, property, type));
    } catch (ClickHouseException e) {
      // Another writer added it first; the caller re-reads the columns to make sure.
      if (!ClickHouseEventStatements.COLUMN_EXISTS.contains(e.code())) {
        throw e;
      }
    }
  }

  /**
   * Drops whole monthly partitions of both copies ({@code events_<p>} and {@code
   * events_by_user_<p>}): no mutation, no rewrite, on 18.16 as on current servers. On a cluster,
   * run it against each shard's local tables (docs/operations.md).
   */
  @Override
  public List<YearMonth> dropMonthsBefore(String project, YearMonth firstKept) {
    SortedSet<YearMonth> dropped = new TreeSet<>();
    for (String table : List.of(EventTables.events(project), EventTables.eventsByUser(project))) {
      for (String partition : partitionsOf(table)) {
        YearMonth month = YearMonth.parse(partition, PARTITION_MONTH);
        if (month.isBefore(firstKept)) {
          client.execute(
              "ALTER TABLE " + ClickHouseSql.identifier(table) + " DROP PARTITION " + partition);
          dropped.add(month);
        }
      }
    }
    return List.copyOf(dropped);
  }

  /** {@code toYYYYMM}, the events tables' partition key, as {@code system.parts} shows it. */
  private static final DateTimeFormatter PARTITION_MONTH = DateTimeFormatter.ofPattern("yyyyMM");

  private List<String> partitionsOf(String table) {
    String sql =
        "SELECT DISTINCT partition FROM system.parts WHERE database = currentDatabase()"
            + " AND active AND table = "
            + ClickHouseSql.quote(table)
            + " ORDER BY partition";
    return client
        .query(sql, ClickHouseFormat.TAB_SEPARATED)
        .lines()
        .map(String::strip)
        .filter(line -> line.matches("\\d{6}"))
        .toList();
  }

  private boolean tableExists(String table) {
    String sql =
        "SELECT count() FROM system.tables WHERE database = currentDatabase() AND name = "
            + ClickHouseSql.quote(table);
    return !client.query(sql, ClickHouseFormat.TAB_SEPARATED).strip().equals("0");
  }

  /** Reads the property columns of a table and caches them; empty if there is no such table. */
  private Map<String, ColumnType> readColumns(String table) {
    Map<String, ColumnType> found = new LinkedHashMap<>();
    String answer =
        client.query(
            ClickHouseEventStatements.selectColumns(table), ClickHouseFormat.JSON_EACH_ROW);
    for (String line : answer.lines().filter(line -> !line.isBlank()).toList()) {
      JsonNode column = mapper.readTree(line);
      String name = column.required("name").asString();
      if (!PropertyValues.FIXED_COLUMNS.contains(name)) {
        String type = column.required("type").asString();
        found.put(
            name,
            ClickHouseSchema.propertyColumnType(type)
                .orElseThrow(() ->
                    new IllegalStateException(
                        "column %s of %s has type %s, not one Sextant creates"
                            .formatted(name, table, type))));
      }
    }
    Map<String, ColumnType> copy = Map.copyOf(found);
    columns.put(table, copy);
    return copy;
  }

  @Override
  public void quarantine(List<QuarantinedRecord> records) {
    if (!records.isEmpty()) {
      client.insert(QUARANTINE, INSERTED_QUARANTINE_COLUMNS, rows.writeQuarantined(records));
    }
  }

  @Override
  public List<QuarantinedRecord> findQuarantined(String project, Collection<String> quarantineIds) {
    if (quarantineIds.isEmpty()) {
      return List.of();
    }
    return rows.readQuarantined(
        client.query(
            ClickHouseEventStatements.selectQuarantined(project, quarantineIds),
            ClickHouseFormat.JSON_EACH_ROW));
  }

  @Override
  public void recordReplays(String project, List<QuarantineReplay> replays) {
    if (!replays.isEmpty()) {
      client.insert(
          ClickHouseSchema.QUARANTINE_REPLAYS.name(),
          List.of("project", "quarantine_id", "replayed_at_ms", "insert_id", "replayed_by"),
          rows.writeReplays(project, replays));
    }
  }

  @Override
  public Map<String, QuarantineReplay> findReplays(
      String project, Collection<String> quarantineIds) {
    if (quarantineIds.isEmpty()) {
      return Map.of();
    }
    Map<String, QuarantineReplay> replays = new LinkedHashMap<>();
    rows.readReplays(
            client.query(
                ClickHouseEventStatements.selectReplays(project, quarantineIds),
                ClickHouseFormat.JSON_EACH_ROW))
        .forEach(replay -> replays.put(replay.quarantineId(), replay));
    return replays;
  }

  /** One insert per project, after creating its update log the first time this process sees it. */
  @Override
  public void appendProfileUpdates(List<ProfileUpdate> updates) {
    Map<String, List<ProfileUpdate>> byProject = new LinkedHashMap<>();
    updates.forEach(
        update -> byProject.computeIfAbsent(update.project(), p -> new ArrayList<>()).add(update));
    byProject.forEach((project, batch) -> {
      if (!profileLogs.contains(project)) {
        createIfAbsent(ClickHouseSchema.singleNodeProfileUpdates(project));
        profileLogs.add(project);
      }
      client.insert(
          EventTables.profileUpdates(project),
          PROFILE_UPDATE_COLUMNS,
          rows.writeProfileUpdates(batch));
    });
  }

  @Override
  public List<ProfileUpdate> findProfileUpdates(String project, List<String> distinctIds) {
    if (distinctIds.isEmpty()) {
      throw new IllegalArgumentException("at least one distinct id is needed");
    }
    try {
      return rows.readProfileUpdates(
          client.query(
              ClickHouseEventStatements.selectProfileUpdates(project, distinctIds),
              ClickHouseFormat.JSON_EACH_ROW));
    } catch (ClickHouseException e) {
      if (e.code() == ClickHouseEventStatements.UNKNOWN_TABLE) {
        return List.of();
      }
      throw e;
    }
  }

  /** One insert per project, after creating its update log the first time this process sees it. */
  @Override
  public void appendItemUpdates(List<ItemUpdate> updates) {
    Map<String, List<ItemUpdate>> byProject = new LinkedHashMap<>();
    updates.forEach(
        update -> byProject.computeIfAbsent(update.project(), p -> new ArrayList<>()).add(update));
    byProject.forEach((project, batch) -> {
      if (!itemLogs.contains(project)) {
        createIfAbsent(ClickHouseSchema.singleNodeItemUpdates(project));
        itemLogs.add(project);
      }
      client.insert(
          EventTables.itemUpdates(project), ITEM_UPDATE_COLUMNS, rows.writeItemUpdates(batch));
    });
  }

  @Override
  public List<ItemUpdate> findItemUpdates(String project, String itemType, String itemId) {
    try {
      return rows.readItemUpdates(
          client.query(
              ClickHouseEventStatements.selectItemUpdates(project, itemType, itemId),
              ClickHouseFormat.JSON_EACH_ROW));
    } catch (ClickHouseException e) {
      if (e.code() == ClickHouseEventStatements.UNKNOWN_TABLE) {
        return List.of();
      }
      throw e;
    }
  }

  @Override
  public List<TrackedEvent> findUserEvents(String project, List<String> distinctIds, int limit) {
    if (distinctIds.isEmpty()) {
      throw new IllegalArgumentException("at least one distinct id is needed");
    }
    if (requireLimit(limit) == 0) {
      return List.of();
    }
    return readUserEvents(
        project, ClickHouseEventStatements.selectUserEvents(project, distinctIds, limit));
  }

  @Override
  public List<TrackedEvent> findUserEvents(String project, UserEventQuery query) {
    if (query.limit() == 0) {
      return List.of();
    }
    return readUserEvents(project, ClickHouseEventStatements.selectUserEvents(project, query));
  }

  private List<TrackedEvent> readUserEvents(String project, String sql) {
    String table = EventTables.eventsByUser(project);
    String answer;
    try {
      answer = client.query(sql, ClickHouseFormat.JSON_EACH_ROW);
    } catch (ClickHouseException e) {
      if (e.code() == ClickHouseEventStatements.UNKNOWN_TABLE) {
        return List.of();
      }
      throw e;
    }
    Map<String, ColumnType> known = columns.get(table);
    if (known != null) {
      try {
        return rows.readEvents(answer, known);
      } catch (UnknownColumnException addedSince) {
        // Another process added a column since this one last looked: read the columns again.
      }
    }
    return rows.readEvents(answer, readColumns(table));
  }

  @Override
  public List<String> findUserIds(String project, String distinctId) {
    try {
      String userId =
          strings(ClickHouseEventStatements.selectLoginId(project, distinctId), "winning_login_id")
              .stream()
              .findFirst()
              .orElse(distinctId);
      List<String> ids = new ArrayList<>(List.of(userId));
      ids.addAll(
          strings(ClickHouseEventStatements.selectAnonymousIds(project, userId), "anonymous_id"));
      return List.copyOf(ids);
    } catch (ClickHouseException e) {
      if (e.code() == ClickHouseEventStatements.UNKNOWN_TABLE) {
        return List.of(distinctId);
      }
      throw e;
    }
  }

  private List<String> strings(String sql, String column) {
    return client
        .query(sql, ClickHouseFormat.JSON_EACH_ROW)
        .lines()
        .filter(line -> !line.isBlank())
        .map(line -> mapper.readTree(line).required(column).asString())
        .toList();
  }

  @Override
  public List<QuarantinedRecord> findQuarantined(String project, int limit) {
    if (requireLimit(limit) == 0) {
      return List.of();
    }
    String sql = ClickHouseEventStatements.selectQuarantined(project, limit);
    return rows.readQuarantined(client.query(sql, ClickHouseFormat.JSON_EACH_ROW));
  }

  /** Read from {@code system.columns} on every call, so columns another sink added show up. */
  @Override
  public Optional<Map<String, ColumnType>> propertyColumns(String project) {
    String table = EventTables.events(project);
    return tableExists(table) ? Optional.of(readColumns(table)) : Optional.empty();
  }

  /**
   * Plain {@code MergeTree} tables on the connection's node (a cluster's distributed variant is not
   * written yet); a snapshot is never rewritten, so nothing needs replacing.
   */
  @Override
  public long storeSnapshot(String project, String segmentId, String snapshotId, String members) {
    String table = EventTables.segmentMembers(project);
    client.execute(
        "CREATE TABLE IF NOT EXISTS "
            + table
            + " (segment_id String, snapshot_id String, user_id String)"
            + " ENGINE = MergeTree ORDER BY (segment_id, snapshot_id, user_id)");
    String segment = ClickHouseSql.quote(UserLists.requireId(segmentId, "segmentId"));
    String snapshot = ClickHouseSql.quote(UserLists.requireId(snapshotId, "snapshotId"));
    client.execute(
        "INSERT INTO "
            + table
            + " (segment_id, snapshot_id, user_id) SELECT "
            + segment
            + ", "
            + snapshot
            + ", user_id FROM ("
            + members
            + ")");
    String count =
        client.query(
            "SELECT count() FROM "
                + table
                + " WHERE segment_id = "
                + segment
                + " AND snapshot_id = "
                + snapshot,
            ClickHouseFormat.TAB_SEPARATED);
    return Long.parseLong(count.strip());
  }

  @Override
  public void storeAudience(
      String project, String campaignId, List<String> targeted, List<String> heldOut) {
    String table = EventTables.campaignMembers(project);
    UserLists.requireId(campaignId, "campaignId");
    client.execute(
        "CREATE TABLE IF NOT EXISTS "
            + table
            + " (campaign_id String, user_id String, held_out UInt8)"
            + " ENGINE = MergeTree ORDER BY (campaign_id, user_id)");
    if (targeted.isEmpty() && heldOut.isEmpty()) {
      return;
    }
    client.insert(
        table,
        List.of("campaign_id", "user_id", "held_out"),
        rows.writeAudience(campaignId, targeted, heldOut));
  }

  @Override
  public Engine engine() {
    return Engine.CLICKHOUSE;
  }

  @Override
  public QueryRows select(String sql, Duration timeout) {
    return select(sql, timeout, 0);
  }

  @Override
  public QueryRows select(String sql, Duration timeout, int maxRows) {
    try {
      return queryRows.read(
          client.select(
              sql,
              ClickHouseFormat.JSON_COMPACT,
              ClickHouseHttpClient.newQueryId(),
              timeout,
              maxRows == 0 ? 0 : maxRows + 1));
    } catch (ClickHouseTimeoutException e) {
      throw new QueryTimeoutException(timeout, e);
    } catch (ClickHouseException e) {
      if (e.code() == ClickHouseEventStatements.TIMEOUT_EXCEEDED) {
        throw new QueryTimeoutException(timeout, e);
      }
      throw e;
    }
  }

  /** {@code ClickHouse 18.16.1}. */
  @Override
  public String describeEngine() {
    return "ClickHouse " + client.serverVersion();
  }

  private static int requireLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    return limit;
  }
}
