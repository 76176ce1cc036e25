package dev.sextant.query.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.event.TrackedEvent;
import dev.sextant.query.sequence.UserSequenceController.UserEvent;
import dev.sextant.query.sequence.UserSequenceController.UserSequence;
import dev.sextant.registry.history.PlanVersion;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.storage.PlanRevision;
import dev.sextant.registry.storage.PlanStorage;
import dev.sextant.store.ColumnType;
import dev.sextant.store.EventStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A user's action sequence filtered and paged on a real engine: one subclass per engine. The
 * history has events under a login id and under the anonymous id linked to it, and groups of three
 * events sharing a millisecond, so that pages of 7 split them.
 */
abstract class UserSequenceContract {

  static final String PROJECT = "sequence";
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** 23:00 on 2026-10-30 in Shanghai, the project's zone (it has no plan: the default). */
  static final Instant START = Instant.parse("2026-10-30T15:00:00Z");

  static final List<TrackedEvent> HISTORY = history();
  static final List<TrackedEvent> STRANGERS =
      List.of(event("View", "stranger", START, "s1"), event("Invest", "stranger", START, "s2"));

  /** 36 events, 3 per 2 hours; the first 10 sent before signing up, under the anonymous id. */
  private static List<TrackedEvent> history() {
    List<TrackedEvent> events = new ArrayList<>();
    for (int i = 0; i < 36; i++) {
      events.add(
          event(
              i % 4 == 0 ? "Invest" : "View",
              i < 10 ? "anon-1" : "login-1",
              START.plus(Duration.ofHours(2L * (i / 3))),
              "id-%02d".formatted(i * 17 % 36)));
    }
    events.add(
        event("$SignUp", "login-1", START.plus(Duration.ofHours(7)), "signup").linking("anon-1"));
    return List.copyOf(events);
  }

  private static TrackedEvent event(String name, String distinctId, Instant time, String id) {
    return new TrackedEvent(PROJECT, name, distinctId, time, id, null, Map.of(), time);
  }

  static void load(EventStore store) {
    store.createSchema();
    List<TrackedEvent> all = new ArrayList<>(HISTORY);
    all.addAll(STRANGERS);
    store.append(all, (project, property) -> Optional.of(ColumnType.STRING));
  }

  protected abstract EventStore store();

  private UserSequenceController controller() {
    return new UserSequenceController(store(), NO_PLANS);
  }

  /** Every page from the newest, following {@code next_before}, as the events' insert ids. */
  private List<String> allPages(String id, List<String> events, String from, String to, int limit) {
    List<String> seen = new ArrayList<>();
    String before = null;
    int pages = 0;
    do {
      UserSequence page = controller().events(PROJECT, id, events, from, to, before, limit);
      assertThat(page.events()).hasSizeLessThanOrEqualTo(limit);
      page.events().stream().map(UserEvent::insertId).forEach(seen::add);
      before = page.nextBefore();
      assertThat(++pages).as("pages").isLessThan(100);
    } while (before != null);
    return seen;
  }

  /** The history's events meeting {@code filter}, newest first, ties by descending insert id. */
  private static List<String> expected(Predicate<TrackedEvent> filter) {
    return HISTORY.stream()
        .filter(filter)
        .sorted(
            Comparator.comparing(TrackedEvent::time)
                .thenComparing(TrackedEvent::insertId)
                .reversed())
        .map(TrackedEvent::insertId)
        .toList();
  }

  @Test
  void pagesBackThroughTheWholeHistoryNewestFirstWithoutGapsOrRepeats() {
    List<String> everything = expected(e -> true);
    assertThat(everything).hasSize(37);
    assertThat(allPages("anon-1", null, null, null, 7)).isEqualTo(everything);
    assertThat(allPages("login-1", null, null, null, 1)).isEqualTo(everything);
  }

  @Test
  void theLastPageHasNoCursorAndAPageOfEverythingNeedsNone() {
    UserSequence all = controller().events(PROJECT, "login-1", null, null, null, null, 37);
    assertThat(all.events()).hasSize(37);
    assertThat(all.nextBefore()).isNull();
    UserSequence first = controller().events(PROJECT, "login-1", null, null, null, null, 36);
    assertThat(first.nextBefore()).isNotNull();
    UserSequence last =
        controller().events(PROJECT, "login-1", null, null, null, first.nextBefore(), 36);
    assertThat(last.events()).extracting(UserEvent::insertId).containsExactly("id-00");
    assertThat(last.nextBefore()).isNull();
  }

  @Test
  void showsOnlyTheNamedEvents() {
    assertThat(allPages("login-1", List.of("Invest", "$SignUp"), null, null, 2))
        .isEqualTo(expected(e -> e.event().equals("Invest") || e.event().equals("$SignUp")));
    assertThat(allPages("login-1", List.of("Withdraw"), null, null, 10)).isEmpty();
  }

  @Test
  void datesAreLocalDaysInTheProjectsZoneBothIncluded() {
    Instant start = LocalDate.of(2026, 10, 31).atStartOfDay(SHANGHAI).toInstant();
    Instant end = LocalDate.of(2026, 11, 1).atStartOfDay(SHANGHAI).toInstant();
    List<String> october31 = expected(e -> !e.time().isBefore(start) && e.time().isBefore(end));
    assertThat(october31).hasSizeBetween(1, 36);
    assertThat(allPages("login-1", null, "2026-10-31", "2026-10-31", 5)).isEqualTo(october31);
  }

  @Test
  void instantsBoundTheTimeFromInclusiveToExclusive() {
    Instant from = START.plus(Duration.ofHours(4));
    Instant to = START.plus(Duration.ofHours(10));
    assertThat(allPages("login-1", null, from.toString(), to.toString(), 4))
        .isEqualTo(expected(e -> !e.time().isBefore(from) && e.time().isBefore(to)))
        .hasSize(3 * 3 + 1);
  }

  @Test
  void theEventFilterTheTimeRangeAndTheCursorCombine() {
    Instant from = START.plus(Duration.ofHours(2));
    assertThat(allPages("anon-1", List.of("View"), from.toString(), "2026-10-31", 3))
        .isEqualTo(
            expected(e ->
                e.event().equals("View")
                    && !e.time().isBefore(from)
                    && e.time()
                        .isBefore(LocalDate.of(2026, 11, 1).atStartOfDay(SHANGHAI).toInstant())));
  }

  @Test
  void aUserWithoutEventsOrAProjectWithoutATableHasAnEmptyLastPage() {
    UserSequence nobody = controller().events(PROJECT, "nobody", null, null, null, null, 10);
    assertThat(nobody.events()).isEmpty();
    assertThat(nobody.nextBefore()).isNull();
    assertThat(controller().events("empty", "login-1", null, null, null, null, 10).events())
        .isEmpty();
  }

  private static final PlanStorage NO_PLANS =
      new PlanStorage() {
        @Override
        public Optional<TrackingPlan> find(String project) {
          return Optional.empty();
        }

        @Override
        public Optional<TrackingPlan> find(String project, long version) {
          return Optional.empty();
        }

        @Override
        public List<PlanVersion> history(String project, int limit) {
          return List.of();
        }

        @Override
        public PlanVersion save(PlanRevision revision) {
          throw new UnsupportedOperationException("read-only in this test");
        }
      };
}
