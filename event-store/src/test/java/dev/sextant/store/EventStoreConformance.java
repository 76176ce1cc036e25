package dev.sextant.store;

import static dev.sextant.store.QuarantinedRecordBuilder.aQuarantinedRecord;
import static dev.sextant.store.TrackedEventBuilder.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.event.QuarantineCode;
import dev.sextant.event.QuarantinedRecord;
import dev.sextant.event.TrackedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    store().append(List.of(second, first, third));

    assertThat(store().findUserEvents(project, "alice", 10)).containsExactly(third, second, first);
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
            .with("tiny", new BigDecimal("-0.000001"))
            .with("count", 3L)
            .with("big", Long.MAX_VALUE)
            .with("negative", -42L)
            .with("is_first_time", true)
            .with("is_vip", false)
            .with("tags", List.of("新手", "vip", "a'b"))
            .with("no_tags", List.of())
            .build();

    store().append(List.of(event));

    TrackedEvent stored = store().findUserEvents(project, "alice", 1).getFirst();
    assertThat(stored.properties()).isEqualTo(event.properties());
    assertThat(stored).isEqualTo(event);
  }

  @Test
  void keepsMillisecondsAndTimesFarApart() {
    List<TrackedEvent> events =
        List.of(
            event("alice").at("1970-01-01T00:00:00.001Z").build(),
            event("alice").at("2000-02-29T12:00:00.500Z").build(),
            event("alice").at("2026-12-31T23:59:59.999Z").build(),
            event("alice").at("2038-01-19T03:14:08.000Z").build());

    store().append(events);

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
    store().append(events);

    assertThat(store().findUserEvents(project, "alice", 3))
        .containsExactlyElementsOf(newestFirst(events).subList(0, 3));
  }

  @Test
  void aZeroLimitFindsNothingAndANegativeOneIsRefused() {
    store().append(List.of(event("alice").build()));
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

    store().append(List.of(receivedFirst, receivedLaterA, receivedLaterC));

    assertThat(store().findUserEvents(project, "alice", 10))
        .containsExactly(receivedLaterC, receivedLaterA, receivedFirst);
  }

  @Test
  void findsOnlyTheGivenUserInTheGivenProject() {
    TrackedEvent alices = event("alice").build();
    TrackedEvent bobs = event("bob").build();
    TrackedEvent alicesElsewhere = anEvent().inProject(project + "_other").by("alice").build();
    TrackedEvent prefixOfAlice = event("alic").build();

    store().append(List.of(alices, bobs, alicesElsewhere, prefixOfAlice));

    assertThat(store().findUserEvents(project, "alice", 10)).containsExactly(alices);
    assertThat(store().findUserEvents(project, "nobody", 10)).isEmpty();
  }

  @Test
  void treatsQuotesAndBackslashesInIdsAsText() {
    String awkward = "o'brien\\' OR '1'='1";
    TrackedEvent event = event(awkward).build();
    store().append(List.of(event, event("o'brien").build()));

    assertThat(store().findUserEvents(project, awkward, 10)).containsExactly(event);
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

    store().append(events);

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

    store().append(List.of(first, second));
    store().append(List.of(second, first));
    store().append(List.of(first, first));

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
    store().append(List.of(event));
    store().quarantine(List.of(record));

    store().createSchema();
    store().createSchema();

    assertThat(store().findUserEvents(project, "alice", 10)).containsExactly(event);
    assertThat(store().findQuarantined(project, 10)).containsExactly(record);
  }

  @Test
  void emptyBatchesAreNoOps() {
    store().append(List.of());
    store().quarantine(List.of());

    assertThat(store().findUserEvents(project, "alice", 10)).isEmpty();
    assertThat(store().findQuarantined(project, 10)).isEmpty();
  }

  @Test
  void describesTheEngineAndItsVersion() {
    assertThat(store().describeEngine()).matches(engineName() + " \\d+\\.\\d+\\.\\d+.*");
  }

  /** An event of this test's project by {@code distinctId}. */
  protected TrackedEventBuilder event(String distinctId) {
    return anEvent().inProject(project).by(distinctId);
  }

  private static List<TrackedEvent> newestFirst(List<TrackedEvent> events) {
    return events.stream().sorted(Comparator.comparing(TrackedEvent::time).reversed()).toList();
  }
}
