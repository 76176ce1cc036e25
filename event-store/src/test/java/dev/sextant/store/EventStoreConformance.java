package dev.sextant.store;

import static dev.sextant.event.profile.ProfileOperation.APPEND;
import static dev.sextant.event.profile.ProfileOperation.DELETE;
import static dev.sextant.event.profile.ProfileOperation.INCREMENT;
import static dev.sextant.event.profile.ProfileOperation.SET;
import static dev.sextant.event.profile.ProfileOperation.SET_ONCE;
import static dev.sextant.event.profile.ProfileOperation.UNSET;
import static dev.sextant.store.QuarantinedRecordBuilder.aQuarantinedRecord;
import static dev.sextant.store.TrackedEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.event.IdLink;
import dev.sextant.event.QuarantineCode;
import dev.sextant.event.QuarantineReplay;
import dev.sextant.event.QuarantinedRecord;
import dev.sextant.event.TrackedEvent;
import dev.sextant.event.item.Item;
import dev.sextant.event.item.ItemOperation;
import dev.sextant.event.item.ItemUpdate;
import dev.sextant.event.profile.Profile;
import dev.sextant.event.profile.ProfileOperation;
import dev.sextant.event.profile.ProfileUpdate;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventStore} does, whatever the engine. A subclass per engine provides a store
 * whose schema exists. Each test works in a project of its own, so tests may share tables.
 */
public abstract class EventStoreConformance {

  /** A fresh project per test (JUnit creates an instance per test method). */
  protected final String project = "p_" + UUID.randomUUID().toString().replace("-", "");

  /** The tracking plan of every test's project, as the store sees it. */
  private static final Map<String, ColumnType> PLANNED =
      Map.ofEntries(
          Map.entry("product_name", ColumnType.STRING),
          Map.entry("emoji", ColumnType.STRING),
          Map.entry("quotes", ColumnType.STRING),
          Map.entry("control", ColumnType.STRING),
          Map.entry("empty", ColumnType.STRING),
          Map.entry("$os", ColumnType.STRING),
          Map.entry("channel", ColumnType.STRING),
          Map.entry("amount", ColumnType.NUMBER),
          Map.entry("tiny", ColumnType.NUMBER),
          Map.entry("huge", ColumnType.NUMBER),
          Map.entry("count", ColumnType.NUMBER),
          Map.entry("big", ColumnType.NUMBER),
          Map.entry("negative", ColumnType.NUMBER),
          Map.entry("index", ColumnType.NUMBER),
          Map.entry("is_first_time", ColumnType.BOOL),
          Map.entry("is_vip", ColumnType.BOOL),
          Map.entry("tags", ColumnType.LIST),
          Map.entry("no_tags", ColumnType.LIST),
          Map.entry("opened_at", ColumnType.DATETIME),
          Map.entry("settled_at", ColumnType.DATETIME),
          Map.entry("birthday", ColumnType.DATE));

  /** Types from {@link #PLANNED}, and for every test's other project {@code amount} a STRING. */
  protected final PropertyTypes types =
      (project, property) ->
          project.endsWith("_other") && property.equals("amount")
              ? Optional.of(ColumnType.STRING)
              : Optional.ofNullable(PLANNED.get(property));

  /** The store under test, schema created. */
  protected abstract EventStore store();

  /** The engine name {@link EventStore#describeEngine()} starts with, e.g. {@code DuckDB}. */
  protected abstract String engineName();

  @Test
  void returnsAUsersEventsNewestFirstWithIdenticalFields() {
    TrackedEvent first = event("alice").at("2026-11-20T08:00:00.001Z").withTrackId(1L).build();
    TrackedEvent second =
        event("alice").named("P2P_Withdraw").at("2026-11-21T08:00:00.002Z").build();
    TrackedEvent third =
        event("alice").at("2026-11-22T23:59:59.999Z").withTrackId(Long.MAX_VALUE).build();

    append(List.of(second, first, third));

    assertThat(store().findUserEvents(project, "alice", 10)).containsExactly(third, second, first);
  }

  @Test
  void dropsWholeMonthsBeforeTheFirstKeptAndNothingElse() {
    TrackedEvent december = event("alice").at("2025-12-31T23:59:59.999Z").build();
    TrackedEvent january = event("bob").at("2026-01-15T10:00:00Z").build();
    TrackedEvent february = event("alice").at("2026-02-01T00:00:00Z").build();
    TrackedEvent march = event("bob").at("2026-03-31T12:00:00Z").build();
    append(List.of(december, january, february, march));

    List<YearMonth> dropped = store().dropMonthsBefore(project, YearMonth.of(2026, 2));

    assertThat(dropped).containsExactly(YearMonth.of(2025, 12), YearMonth.of(2026, 1));
    assertThat(store().findUserEvents(project, "alice", 10)).containsExactly(february);
    assertThat(store().findUserEvents(project, "bob", 10)).containsExactly(march);
    assertThat(store().dropMonthsBefore(project, YearMonth.of(2026, 2)))
        .as("nothing left to drop")
        .isEmpty();
  }

  @Test
  void dropsNothingOfAProjectWithoutEvents() {
    assertThat(store().dropMonthsBefore(project + "_none", YearMonth.of(2030, 1))).isEmpty();
  }

  @Test
  void findsQuarantinedRecordsByIdAndRemembersTheirFirstReplay() {
    QuarantinedRecord first =
        aQuarantinedRecord()
            .inProject(project)
            .withQuarantineId("q-1")
            .withPayload("{\"a\":1}")
            .build();
    QuarantinedRecord second =
        aQuarantinedRecord().inProject(project).withQuarantineId("q-'2").build();
    store().quarantine(List.of(first, second));

    assertThat(store().findQuarantined(project, List.of("q-1", "q-'2", "q-unknown")))
        .containsExactlyInAnyOrder(first, second);
    assertThat(store().findQuarantined(project + "_other", List.of("q-1"))).isEmpty();
    assertThat(store().findReplays(project, List.of("q-1"))).isEmpty();

    QuarantineReplay replay =
        new QuarantineReplay("q-1", Instant.parse("2026-12-08T02:00:00.123Z"), "ins-1", "admin");
    store().recordReplays(project, List.of(replay));
    store()
        .recordReplays(
            project,
            List.of(
                new QuarantineReplay(
                    "q-1", Instant.parse("2026-12-08T03:00:00Z"), "ins-2", "someone")));

    assertThat(store().findReplays(project, List.of("q-1", "q-'2")))
        .containsExactly(Map.entry("q-1", replay));
    assertThat(store().findReplays(project + "_other", List.of("q-1"))).isEmpty();
  }

  @Test
  void keepsPropertiesOfEveryTypeExactly() {
    TrackedEvent event =
        event("alice")
            .with("product_name", "稳健理财 30天")
            .with("emoji", "🚀 ok")
            .with("quotes", "it's a \"test\" \\ with backslash")
            .with("control", "line\nbreak\ttab\r\u0000nul\u0001")
            .with("empty", "")
            .with("$os", "iOS")
            .with("amount", new BigDecimal("10000.05"))
            .with("tiny", new BigDecimal("-0.00000001"))
            .with("huge", new BigDecimal("123456789012345678901234567890.12345678"))
            .with("count", 3L)
            .with("big", Long.MAX_VALUE)
            .with("negative", -42L)
            .with("is_first_time", true)
            .with("is_vip", false)
            .with("tags", List.of("新手", "vip", "a'b"))
            .with("opened_at", "2026-11-25 09:30:00")
            .with("settled_at", "1969-12-31 23:59:59.999")
            .with("birthday", "1958-02-28")
            .build();

    append(List.of(event));

    TrackedEvent stored = store().findUserEvents(project, "alice", 1).getFirst();
    assertThat(stored.properties()).isEqualTo(event.properties());
    assertThat(stored).isEqualTo(event);
  }

  @Test
  void readsNumbersBackInCanonicalFormAndAnEmptyListAsAbsent() {
    TrackedEvent event =
        event("alice")
            .with("amount", new BigDecimal("100.000"))
            .with("tiny", new BigDecimal("0.50"))
            .with("huge", new BigDecimal("1E+29"))
            .with("no_tags", List.of())
            .build();

    append(List.of(event));

    assertThat(store().findUserEvents(project, "alice", 1).getFirst().properties())
        .isEqualTo(
            Map.of(
                "amount", 100L,
                "tiny", new BigDecimal("0.5"),
                "huge", new BigDecimal("100000000000000000000000000000")));
  }

  @Test
  void addsAColumnBetweenBatchesAndReadsOlderEventsWithoutIt() {
    TrackedEvent before = event("alice").at("2026-11-20T08:00:00Z").with("amount", 5L).build();
    TrackedEvent after =
        event("alice")
            .at("2026-11-21T08:00:00Z")
            .with("amount", 6L)
            .with("channel", "应用宝")
            .with("tags", List.of("new"))
            .build();

    append(List.of(before));
    append(List.of(after));
    append(List.of(event("alice").at("2026-11-22T08:00:00Z").build()));

    List<TrackedEvent> found = store().findUserEvents(project, "alice", 10);
    assertThat(found).hasSize(3).endsWith(after, before);
    assertThat(found.getFirst().properties()).isEmpty();
  }

  @Test
  void keepsEachProjectInItsOwnTableWithItsOwnTypes() {
    TrackedEvent here = event("alice").with("amount", 5L).build();
    TrackedEvent elsewhere =
        anEvent().inProject(project + "_other").by("alice").with("amount", "five").build();

    append(List.of(here, elsewhere));

    assertThat(store().findUserEvents(project, "alice", 10)).containsExactly(here);
    assertThat(store().findUserEvents(project + "_other", "alice", 10)).containsExactly(elsewhere);
  }

  @Test
  void refusesAPropertyWithoutATypeAndStoresNothing() {
    TrackedEvent typed = event("alice").with("amount", 5L).build();
    TrackedEvent untyped = event("alice").with("colour", "red").build();

    assertThatThrownBy(() -> append(List.of(typed, untyped)))
        .isInstanceOf(UntypedPropertyException.class)
        .hasMessageContaining("colour");

    assertThat(store().findUserEvents(project, "alice", 10)).isEmpty();
  }

  @Test
  void refusesValuesThatDoNotFitTheirColumn() {
    assertThatThrownBy(() -> append(List.of(event("alice").with("amount", "5").build())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() ->
            append(List.of(event("alice").with("amount", new BigDecimal("0.123456789")).build())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> append(List.of(event("alice").with("opened_at", "2026-11-25T09:30").build())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aProjectWithoutEventsHasNoUserEvents() {
    assertThat(store().findUserEvents(project + "_never", "alice", 10)).isEmpty();
  }

  @Test
  void keepsMillisecondsAndTimesFarApart() {
    List<TrackedEvent> events =
        List.of(
            event("alice").at("1970-01-01T00:00:00.001Z").build(),
            event("alice").at("2000-02-29T12:00:00.500Z").build(),
            event("alice").at("2026-12-31T23:59:59.999Z").build(),
            event("alice").at("2038-01-19T03:14:08.000Z").build());

    append(events);

    assertThat(store().findUserEvents(project, "alice", 10))
        .containsExactlyElementsOf(newestFirst(events));
  }

  @Test
  void limitKeepsTheNewest() {
    List<TrackedEvent> events =
        IntStream.range(0, 7)
            .mapToObj(day ->
                event("alice")
                    .at(Instant.parse("2026-11-01T10:00:00Z").plusSeconds(86_400L * day))
                    .build())
            .toList();
    append(events);

    assertThat(store().findUserEvents(project, "alice", 3))
        .containsExactlyElementsOf(newestFirst(events).subList(0, 3));
  }

  @Test
  void aZeroLimitFindsNothingAndANegativeOneIsRefused() {
    append(List.of(event("alice").build()));
    store().quarantine(List.of(aQuarantinedRecord().inProject(project).build()));

    assertThat(store().findUserEvents(project, "alice", 0)).isEmpty();
    assertThat(store().findQuarantined(project, 0)).isEmpty();
    assertThatThrownBy(() -> store().findUserEvents(project, "alice", -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store().findQuarantined(project, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eventsAtTheSameMillisecondComeInAStableOrder() {
    Instant time = Instant.parse("2026-11-23T10:00:00.123Z");
    TrackedEvent receivedFirst =
        event("alice").at(time).withInsertId("b").receivedAt(time.plusSeconds(1)).build();
    TrackedEvent receivedLaterA =
        event("alice").at(time).withInsertId("a").receivedAt(time.plusSeconds(2)).build();
    TrackedEvent receivedLaterC =
        event("alice").at(time).withInsertId("c").receivedAt(time.plusSeconds(2)).build();

    append(List.of(receivedFirst, receivedLaterA, receivedLaterC));

    assertThat(store().findUserEvents(project, "alice", 10))
        .containsExactly(receivedLaterC, receivedLaterA, receivedFirst);
  }

  @Test
  void findsOnlyTheGivenUserInTheGivenProject() {
    TrackedEvent alices = event("alice").build();
    TrackedEvent bobs = event("bob").build();
    TrackedEvent alicesElsewhere = anEvent().inProject(project + "_other").by("alice").build();
    TrackedEvent prefixOfAlice = event("alic").build();

    append(List.of(alices, bobs, alicesElsewhere, prefixOfAlice));

    assertThat(store().findUserEvents(project, "alice", 10)).containsExactly(alices);
    assertThat(store().findUserEvents(project, "nobody", 10)).isEmpty();
  }

  @Test
  void treatsQuotesAndBackslashesInIdsAsText() {
    String awkward = "o'brien\\' OR '1'='1";
    TrackedEvent event = event(awkward).build();
    append(List.of(event, event("o'brien").build()));

    assertThat(store().findUserEvents(project, awkward, 10)).containsExactly(event);
  }

  @Test
  void aBoundedSelectSaysWhenThereWereMoreRowsAndReturnsAllWhenThereWereNot() {
    List<TrackedEvent> events = new ArrayList<>();
    Instant start = Instant.parse("2026-02-01T00:00:00Z");
    for (int i = 0; i < 3_000; i++) {
      events.add(event("u" + i).at(start.plusSeconds(i)).build());
    }
    append(events);
    EventQueries queries = (EventQueries) store();
    String sql = "SELECT distinct_id FROM " + EventTables.events(project);

    // Cut after the limit (DuckDB: one row past it; ClickHouse: at a block's end), never short.
    assertThat(queries.select(sql, Duration.ofSeconds(30), 100).size())
        .isGreaterThan(100)
        .isLessThanOrEqualTo(3_000);
    assertThat(queries.select(sql, Duration.ofSeconds(30), 3_000).size()).isEqualTo(3_000);
    assertThat(queries.select(sql, Duration.ofSeconds(30)).size()).isEqualTo(3_000);
  }

  @Test
  void storesLargeBatchesSpanningMonths() {
    Instant start = Instant.parse("2026-01-15T00:00:00Z");
    List<TrackedEvent> events = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      events.add(
          event("alice")
              .at(start.plusSeconds(3_600L * 7 * i))
              .withTrackId((long) i)
              .with("index", (long) i)
              .build());
    }

    append(events);

    assertThat(store().findUserEvents(project, "alice", 5_000))
        .containsExactlyElementsOf(newestFirst(events));
  }

  @Test
  void returnsQuarantinedRecordsNewestFirstWithIdenticalFields() {
    QuarantinedRecord older =
        aQuarantinedRecord()
            .inProject(project)
            .receivedAt("2026-11-20T08:00:00.001Z")
            .because(QuarantineCode.UNKNOWN_PROPERTY, "properties.colour", "colour is not planned")
            .because(QuarantineCode.TYPE_MISMATCH, "properties.amount", "amount must be a number")
            .build();
    QuarantinedRecord newer =
        aQuarantinedRecord()
            .inProject(project)
            .receivedAt("2026-11-21T08:00:00.002Z")
            .because(QuarantineCode.MALFORMED_PAYLOAD, "", "not JSON: unexpected '}'")
            .withPayload("data=eyJ}不是JSON'\"\\\n\u0000\u0007")
            .build();
    QuarantinedRecord otherProject =
        aQuarantinedRecord()
            .inProject(project + "_other")
            .receivedAt("2026-11-22T00:00:00Z")
            .build();

    store().quarantine(List.of(older, newer, otherProject));

    assertThat(store().findQuarantined(project, 10)).containsExactly(newer, older);
    assertThat(store().findQuarantined(project, 1)).containsExactly(newer);
  }

  @Test
  void anEventAppendedTwiceIsReadOnce() {
    TrackedEvent first = event("alice").at("2026-11-20T08:00:00.001Z").build();
    TrackedEvent second = event("alice").at("2026-11-20T08:00:00.002Z").build();

    append(List.of(first, second));
    append(List.of(second, first));
    append(List.of(first, first));

    assertThat(store().findUserEvents(project, "alice", 10)).containsExactly(second, first);
  }

  @Test
  void aQuarantinedRecordStoredTwiceIsReadOnce() {
    QuarantinedRecord record =
        aQuarantinedRecord().inProject(project).receivedAt("2026-11-20T08:00:00.001Z").build();

    store().quarantine(List.of(record));
    store().quarantine(List.of(record, record));

    assertThat(store().findQuarantined(project, 10)).containsExactly(record);
  }

  @Test
  void createSchemaIsIdempotentAndKeepsData() {
    TrackedEvent event = event("alice").build();
    QuarantinedRecord record = aQuarantinedRecord().inProject(project).build();
    append(List.of(event));
    store().quarantine(List.of(record));

    store().createSchema();
    store().createSchema();

    assertThat(store().findUserEvents(project, "alice", 10)).containsExactly(event);
    assertThat(store().findQuarantined(project, 10)).containsExactly(record);
  }

  @Test
  void emptyBatchesAreNoOps() {
    append(List.of());
    store().quarantine(List.of());

    assertThat(store().findUserEvents(project, "alice", 10)).isEmpty();
    assertThat(store().findQuarantined(project, 10)).isEmpty();
  }

  @Test
  void aRedeliveredBatchStoresOnlyTheEventsNotYetStored() {
    TrackedEvent first = event("alice").withInsertId("r-1").at("2026-11-01T00:00:00Z").build();
    TrackedEvent second = event("alice").withInsertId("r-2").at("2026-11-02T00:00:00Z").build();
    TrackedEvent third = event("bob").withInsertId("r-3").at("2026-11-02T00:00:01Z").build();
    append(List.of(first, second));

    store().appendRedelivered(List.of(first, second, third), types);
    store().appendRedelivered(List.of(third), types);

    // Raw rows, without the read-side de-duplication of findUserEvents: analyses read them so.
    EventQueries queries = (EventQueries) store();
    Object rows =
        queries
            .select("SELECT count(*) FROM " + EventTables.events(project), Duration.ofSeconds(30))
            .rows()
            .getFirst()
            .getFirst();
    assertThat(rows).isEqualTo(3L);
  }

  @Test
  void storesASignupAsAnEventAndItsLinkApart() {
    TrackedEvent signup =
        event("login-1").named("$SignUp").at("2026-11-20T08:00:00.001Z").build().linking("anon-1");

    append(List.of(event("anon-1").build(), signup));

    assertThat(store().findUserEvents(project, "login-1", 10))
        .containsExactly(signup.withoutLink());
    assertThat(store().findLinks(project))
        .containsExactly(
            new IdLink(project, "anon-1", "login-1", Instant.parse("2026-11-20T08:00:00.001Z")));
  }

  @Test
  void theEarliestLinkOfAnAnonymousIdWinsWhateverTheArrivalOrder() {
    TrackedEvent first = signup("login-1", "anon-1", "2026-11-20T08:00:00.000Z");
    TrackedEvent later = signup("login-2", "anon-1", "2026-11-21T08:00:00.000Z");
    TrackedEvent sameTimeLargerLogin = signup("login-3", "anon-1", "2026-11-20T08:00:00.000Z");
    TrackedEvent other = signup("login-2", "anon-2", "2026-11-22T08:00:00.000Z");

    append(List.of(later, other));
    append(List.of(sameTimeLargerLogin, first));

    Instant t = Instant.parse("2026-11-20T08:00:00.000Z");
    assertThat(store().findLinks(project))
        .containsExactly(
            new IdLink(project, "anon-1", "login-1", t),
            new IdLink(project, "anon-2", "login-2", Instant.parse("2026-11-22T08:00:00.000Z")));
  }

  @Test
  void aLinkAppendedAgainIsKeptOnce() {
    TrackedEvent signup = signup("login-1", "anon-1", "2026-11-20T08:00:00.000Z");

    append(List.of(signup, signup));
    append(List.of(signup));

    assertThat(store().findLinks(project)).containsExactly(IdLink.of(signup).orElseThrow());
    assertThat(store().findUserEvents(project, "login-1", 10)).hasSize(1);
  }

  @Test
  void findsTheIdsOfAUserFromItsLoginIdOrAnyOfItsAnonymousIds() {
    append(
        List.of(
            signup("login-1", "anon-1", "2026-11-20T08:00:00.000Z"),
            signup("login-1", "anon-2", "2026-11-21T08:00:00.000Z"),
            signup("login-2", "anon-3", "2026-11-20T08:00:00.000Z"),
            // Too late: anon-3 stays with login-2.
            signup("login-1", "anon-3", "2026-11-22T08:00:00.000Z")));

    List<String> user = List.of("login-1", "anon-1", "anon-2");
    assertThat(store().findUserIds(project, "login-1")).isEqualTo(user);
    assertThat(store().findUserIds(project, "anon-2")).isEqualTo(user);
    assertThat(store().findUserIds(project, "anon-3")).containsExactly("login-2", "anon-3");
    assertThat(store().findUserIds(project, "stranger")).containsExactly("stranger");
    assertThat(store().findUserIds(project + "_none", "anon-1")).containsExactly("anon-1");
  }

  @Test
  void findsTheEventsOfSeveralIdsMergedNewestFirst() {
    TrackedEvent before = event("anon-1").at("2026-11-20T08:00:00.000Z").build();
    TrackedEvent signup = signup("login-1", "anon-1", "2026-11-20T09:00:00.000Z");
    TrackedEvent after = event("login-1").at("2026-11-20T10:00:00.000Z").build();
    TrackedEvent otherUser = event("anon-2").at("2026-11-20T11:00:00.000Z").build();
    append(List.of(before, signup, after, otherUser));

    assertThat(store().findUserEvents(project, List.of("login-1", "anon-1"), 10))
        .containsExactly(after, signup.withoutLink(), before);
    assertThat(store().findUserEvents(project, List.of("login-1", "anon-1"), 2))
        .containsExactly(after, signup.withoutLink());
  }

  @Test
  void aUserEventQueryReadsTheNamedEventsInItsTimeRangeNewestFirstTiesByInsertId() {
    Instant time = Instant.parse("2026-11-20T08:00:00.000Z");
    TrackedEvent tooEarly = event("alice").named("Invest").at(time.minusMillis(1)).build();
    TrackedEvent b = event("alice").named("Invest").at(time).withInsertId("b").build();
    TrackedEvent c = event("alice").named("View").at(time).withInsertId("c").build();
    TrackedEvent a =
        event("alice")
            .named("Invest")
            .at(time)
            .withInsertId("a")
            .receivedAt(time.plusSeconds(9))
            .build();
    TrackedEvent other = event("alice").named("Login").at(time.plusSeconds(1)).build();
    TrackedEvent tooLate = event("alice").named("View").at(time.plusSeconds(2)).build();
    append(List.of(tooEarly, b, c, a, other, tooLate));

    assertThat(
            store()
                .findUserEvents(
                    project,
                    new UserEventQuery(
                        List.of("alice"),
                        new java.util.TreeSet<>(List.of("Invest", "View")),
                        time,
                        time.plusSeconds(2),
                        null,
                        10)))
        .containsExactly(c, b, a);
  }

  @Test
  void aUserEventQueryContinuesAfterItsPositionAcrossEventsOfOneMillisecond() {
    Instant time = Instant.parse("2026-11-20T08:00:00.000Z");
    TrackedEvent newer = event("alice").at(time.plusMillis(1)).withInsertId("a").build();
    TrackedEvent tieHigh = event("alice").at(time).withInsertId("c").build();
    TrackedEvent tieLow = event("alice").at(time).withInsertId("b").build();
    TrackedEvent older = event("alice").at(time.minusMillis(1)).withInsertId("z").build();
    append(List.of(older, tieLow, newer, tieHigh));

    UserEventQuery.Position afterTieHigh = new UserEventQuery.Position(time, "c");
    assertThat(
            store()
                .findUserEvents(
                    project,
                    new UserEventQuery(
                        List.of("alice"), new java.util.TreeSet<>(), null, null, afterTieHigh, 10)))
        .containsExactly(tieLow, older);
    assertThat(store().findUserEvents(project, UserEventQuery.newest(List.of("alice"), 2)))
        .containsExactly(newer, tieHigh);
    assertThat(store().findUserEvents(project, UserEventQuery.newest(List.of("alice"), 0)))
        .isEmpty();
    assertThat(
            store().findUserEvents(project + "_never", UserEventQuery.newest(List.of("alice"), 5)))
        .isEmpty();
  }

  @Test
  void aProjectWithoutSignupsHasNoLinks() {
    assertThat(store().findLinks(project)).isEmpty();
    append(List.of(event("anon-1").build()));
    assertThat(store().findLinks(project)).isEmpty();
  }

  @Test
  void foldsAUsersProfileUpdatesIntoTheLatestProfile() {
    store()
        .appendProfileUpdates(
            List.of(
                profile(SET, "alice", "2026-11-20T08:00:00.000Z")
                    .with("name", "Alice")
                    .with("city", "Beijing")
                    .build(),
                profile(SET_ONCE, "alice", "2026-11-20T08:00:01.000Z")
                    .with("city", "Shanghai")
                    .with("first_channel", "ads")
                    .build(),
                profile(INCREMENT, "alice", "2026-11-20T08:00:02.000Z")
                    .with("invest_count", 1L)
                    .with("invested", new BigDecimal("100.25"))
                    .build(),
                profile(INCREMENT, "alice", "2026-11-20T08:00:03.000Z")
                    .with("invest_count", 2L)
                    .with("invested", new BigDecimal("0.75"))
                    .build(),
                profile(APPEND, "alice", "2026-11-20T08:00:04.000Z")
                    .with("products", List.of("稳盈90天", "稳盈90天"))
                    .build(),
                profile(UNSET, "alice", "2026-11-20T08:00:05.000Z").with("name", true).build(),
                profile(SET, "bob", "2026-11-20T08:00:06.000Z").with("name", "Bob").build()));

    assertThat(store().findProfile(project, List.of("alice")))
        .contains(
            new Profile(
                Map.of(
                    "city",
                    "Beijing",
                    "first_channel",
                    "ads",
                    "invest_count",
                    3L,
                    "invested",
                    new BigDecimal("101.00"),
                    "products",
                    List.of("稳盈90天", "稳盈90天")),
                Instant.parse("2026-11-20T08:00:05.000Z")));
  }

  @Test
  void keepsProfileUpdatesExactlyAndReadsThemInTheOrderTheyApply() {
    ProfileUpdate late =
        profile(SET, "alice", "2026-11-21T00:00:00.000Z")
            .withInsertId("c")
            .with("quote", "it's \"quoted\" \\ 表情😀\n")
            .with("huge", new BigDecimal("12345678901234567890123456789012345678"))
            .with("tiny", new BigDecimal("0.00000000000000000001"))
            .with("vip", false)
            .with("no_tags", List.of())
            .build();
    ProfileUpdate tieB =
        profile(INCREMENT, "anon", "2026-11-20T00:00:00.000Z")
            .withInsertId("b")
            .with("n", -1L)
            .build();
    ProfileUpdate tieA =
        profile(DELETE, "alice", "2026-11-20T00:00:00.000Z").withInsertId("a").build();
    store().appendProfileUpdates(List.of(late, tieB));
    store().appendProfileUpdates(List.of(tieA));

    assertThat(store().findProfileUpdates(project, List.of("alice", "anon")))
        .containsExactly(tieA, tieB, late);
    assertThat(store().findProfileUpdates(project, List.of("anon"))).containsExactly(tieB);
  }

  @Test
  void writesABatchOfEveryKindOfRecord() {
    TrackedEvent event = event("alice").with("amount", 5L).build();
    ProfileUpdate profileUpdate =
        profile(SET, "alice", "2026-11-20T08:00:00.000Z").with("level", "gold").build();
    ItemUpdate itemUpdate =
        item(ItemOperation.SET, "p-1", "2026-11-20T08:00:00.000Z").with("price", 3L).build();
    QuarantinedRecord quarantined = aQuarantinedRecord().inProject(project).build();

    store()
        .write(
            new WriteBatch(
                List.of(event), List.of(profileUpdate), List.of(itemUpdate), List.of(quarantined)),
            types);

    assertThat(store().findUserEvents(project, "alice", 10)).containsExactly(event);
    assertThat(store().findProfileUpdates(project, List.of("alice")))
        .containsExactly(profileUpdate);
    assertThat(store().findItemUpdates(project, "product", "p-1")).containsExactly(itemUpdate);
    assertThat(store().findQuarantined(project, 10)).containsExactly(quarantined);
  }

  @Test
  void aProfileUpdateAppendedAgainIsReadOnce() {
    ProfileUpdate increment =
        profile(INCREMENT, "alice", "2026-11-20T08:00:00.000Z").with("logins", 1L).build();

    store().appendProfileUpdates(List.of(increment, increment));
    store().appendProfileUpdates(List.of(increment));

    assertThat(store().findProfileUpdates(project, List.of("alice"))).containsExactly(increment);
    assertThat(store().findProfile(project, List.of("alice")).orElseThrow().properties())
        .isEqualTo(Map.of("logins", 1L));
  }

  @Test
  void aDeletedProfileOrOneNeverUpdatedIsNone() {
    assertThat(store().findProfile(project, List.of("alice"))).isEmpty();
    store()
        .appendProfileUpdates(
            List.of(
                profile(SET, "alice", "2026-11-20T08:00:00.000Z").with("a", 1L).build(),
                profile(DELETE, "alice", "2026-11-20T09:00:00.000Z").build()));

    assertThat(store().findProfile(project, List.of("alice"))).isEmpty();
    assertThat(store().findProfile(project, List.of("bob"))).isEmpty();
    assertThat(store().findProfile(project + "_none", List.of("alice"))).isEmpty();
  }

  @Test
  void aProfileFollowsIdMappingToTheAnonymousIdsLinkedToItsLoginId() {
    append(List.of(signup("login-1", "anon-1", "2026-11-20T09:00:00.000Z")));
    store()
        .appendProfileUpdates(
            List.of(
                profile(SET_ONCE, "anon-1", "2026-11-20T08:00:00.000Z")
                    .with("first_channel", "ads")
                    .build(),
                profile(INCREMENT, "anon-1", "2026-11-20T08:30:00.000Z").with("visits", 2L).build(),
                profile(INCREMENT, "login-1", "2026-11-20T10:00:00.000Z")
                    .with("visits", 1L)
                    .build(),
                profile(SET_ONCE, "login-1", "2026-11-20T10:00:00.000Z")
                    .with("first_channel", "direct")
                    .build(),
                profile(SET, "anon-2", "2026-11-20T10:00:00.000Z").with("visits", 99L).build()));

    List<String> user = store().findUserIds(project, "anon-1");

    assertThat(store().findProfile(project, user))
        .contains(
            new Profile(
                Map.of("first_channel", "ads", "visits", 3L),
                Instant.parse("2026-11-20T10:00:00.000Z")));
  }

  @Test
  void keepsEachProjectsProfilesApart() {
    store()
        .appendProfileUpdates(
            List.of(
                profile(SET, "alice", "2026-11-20T08:00:00.000Z").with("a", "mine").build(),
                profile(SET, "alice", "2026-11-20T08:00:00.000Z")
                    .inProject(project + "_other")
                    .with("a", "theirs")
                    .build()));

    assertThat(store().findProfile(project, List.of("alice")).orElseThrow().properties())
        .isEqualTo(Map.of("a", "mine"));
    assertThat(store().findProfile(project + "_other", List.of("alice")).orElseThrow().properties())
        .isEqualTo(Map.of("a", "theirs"));
  }

  @Test
  void foldsAnItemsUpdatesIntoTheLatestItem() {
    store()
        .appendItemUpdates(
            List.of(
                item(ItemOperation.SET, "p-42", "2026-11-20T08:00:00.000Z")
                    .with("name", "稳盈-90天")
                    .with("rate", new BigDecimal("4.5"))
                    .with("tags", List.of("p2p", "p2p"))
                    .build(),
                item(ItemOperation.SET, "p-42", "2026-11-20T09:00:00.000Z")
                    .with("name", "稳盈-90天")
                    .with("rate", new BigDecimal("4.75"))
                    .with("on_sale", true)
                    .build(),
                item(ItemOperation.SET, "p-43", "2026-11-20T10:00:00.000Z")
                    .with("name", "other")
                    .build()));

    assertThat(store().findItem(project, "product", "p-42"))
        .contains(
            new Item(
                "product",
                "p-42",
                Map.of("name", "稳盈-90天", "rate", new BigDecimal("4.75"), "on_sale", true),
                Instant.parse("2026-11-20T09:00:00.000Z")));
  }

  @Test
  void keepsItemUpdatesExactlyAndReadsThemInTheOrderTheyApply() {
    ItemUpdate late =
        item(ItemOperation.SET, "p-42", "2026-11-21T00:00:00.000Z")
            .withInsertId("c")
            .with("quote", "it's \"quoted\" \\ 表情😀\n")
            .with("huge", new BigDecimal("12345678901234567890123456789012345678"))
            .with("tiny", new BigDecimal("0.00000000000000000001"))
            .with("n", -1L)
            .with("no_tags", List.of())
            .build();
    ItemUpdate tieB =
        item(ItemOperation.SET, "p-42", "2026-11-20T00:00:00.000Z").withInsertId("b").build();
    ItemUpdate tieA =
        item(ItemOperation.DELETE, "p-42", "2026-11-20T00:00:00.000Z").withInsertId("a").build();
    store().appendItemUpdates(List.of(late, tieB));
    store().appendItemUpdates(List.of(tieA));

    assertThat(store().findItemUpdates(project, "product", "p-42"))
        .containsExactly(tieA, tieB, late);
  }

  @Test
  void anItemUpdateAppendedAgainIsReadOnce() {
    ItemUpdate set =
        item(ItemOperation.SET, "p-42", "2026-11-20T08:00:00.000Z").with("rate", 4L).build();

    store().appendItemUpdates(List.of(set, set));
    store().appendItemUpdates(List.of(set));

    assertThat(store().findItemUpdates(project, "product", "p-42")).containsExactly(set);
  }

  @Test
  void aDeletedItemOrOneNeverSetIsNone() {
    assertThat(store().findItem(project, "product", "p-42")).isEmpty();
    store()
        .appendItemUpdates(
            List.of(
                item(ItemOperation.SET, "p-42", "2026-11-20T08:00:00.000Z").with("a", 1L).build(),
                item(ItemOperation.DELETE, "p-42", "2026-11-20T09:00:00.000Z").build()));

    assertThat(store().findItem(project, "product", "p-42")).isEmpty();
    assertThat(store().findItemUpdates(project, "product", "p-42")).hasSize(2);
    assertThat(store().findItem(project, "product", "p-43")).isEmpty();
    assertThat(store().findItem(project + "_none", "product", "p-42")).isEmpty();
  }

  @Test
  void keepsItemsOfEachTypeAndEachProjectApart() {
    store()
        .appendItemUpdates(
            List.of(
                item(ItemOperation.SET, "42", "2026-11-20T08:00:00.000Z")
                    .with("a", "product")
                    .build(),
                item(ItemOperation.SET, "42", "2026-11-20T08:00:00.000Z")
                    .of("article", "42")
                    .with("a", "article")
                    .build(),
                item(ItemOperation.SET, "42", "2026-11-20T08:00:00.000Z")
                    .inProject(project + "_other")
                    .with("a", "theirs")
                    .build()));

    assertThat(store().findItem(project, "product", "42").orElseThrow().properties())
        .isEqualTo(Map.of("a", "product"));
    assertThat(store().findItem(project, "article", "42").orElseThrow().properties())
        .isEqualTo(Map.of("a", "article"));
    assertThat(store().findItem(project + "_other", "product", "42").orElseThrow().properties())
        .isEqualTo(Map.of("a", "theirs"));
  }

  @Test
  void findsAnItemWhoseTypeAndIdHoldQuotesAndUnicode() {
    String itemId = "p-'42' \"稳盈\" \\ ; DROP TABLE x";
    ItemUpdate set =
        item(ItemOperation.SET, itemId, "2026-11-20T08:00:00.000Z")
            .of("产品 'type'", itemId)
            .with("a", 1L)
            .build();
    store().appendItemUpdates(List.of(set));

    assertThat(store().findItemUpdates(project, "产品 'type'", itemId)).containsExactly(set);
  }

  @Test
  void describesTheEngineAndItsVersion() {
    assertThat(store().describeEngine()).matches(engineName() + " \\d+\\.\\d+\\.\\d+.*");
  }

  private TrackedEvent signup(String loginId, String anonymousId, String isoInstant) {
    return event(loginId).named("$SignUp").at(isoInstant).build().linking(anonymousId);
  }

  private ItemUpdateBuilder item(ItemOperation operation, String itemId, String isoInstant) {
    return ItemUpdateBuilder.anItemUpdate(operation)
        .inProject(project)
        .of("product", itemId)
        .at(isoInstant);
  }

  private ProfileUpdateBuilder profile(
      ProfileOperation operation, String distinctId, String isoInstant) {
    return ProfileUpdateBuilder.aProfileUpdate(operation)
        .inProject(project)
        .by(distinctId)
        .at(isoInstant);
  }

  /** Appends with this suite's plan. */
  protected void append(List<TrackedEvent> events) {
    store().append(events, types);
  }

  /** An event of this test's project by {@code distinctId}. */
  protected TrackedEventBuilder event(String distinctId) {
    return anEvent().inProject(project).by(distinctId);
  }

  private static List<TrackedEvent> newestFirst(List<TrackedEvent> events) {
    return events.stream().sorted(Comparator.comparing(TrackedEvent::time).reversed()).toList();
  }
}
