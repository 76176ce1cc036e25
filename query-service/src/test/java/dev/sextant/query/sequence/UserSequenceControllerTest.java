package dev.sextant.query.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.event.TrackedEvent;
import dev.sextant.event.profile.ProfileOperation;
import dev.sextant.event.profile.ProfileUpdate;
import dev.sextant.query.model.InvalidQueryException;
import dev.sextant.registry.history.PlanVersion;
import dev.sextant.registry.plan.EventDefinition;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.storage.PlanRevision;
import dev.sextant.registry.storage.PlanStorage;
import dev.sextant.store.ColumnType;
import dev.sextant.store.duckdb.DuckDbEventStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The action sequence as customer service reads it, over a real (in-memory) DuckDB store. */
class UserSequenceControllerTest {

  private final DuckDbEventStore store = DuckDbEventStore.inMemory();
  private final PlanStorage plans =
      new PlanStorage() {
        private final TrackingPlan plan =
            new TrackingPlan(
                "demo", 1, List.of(new EventDefinition("BindCard", "绑定银行卡", List.of())), List.of());

        @Override
        public Optional<TrackingPlan> find(String project) {
          return project.equals("demo") ? Optional.of(plan) : Optional.empty();
        }

        @Override
        public Optional<TrackingPlan> find(String project, long version) {
          return find(project).filter(p -> p.version() == version);
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
  private final UserSequenceController controller = new UserSequenceController(store, plans);

  UserSequenceControllerTest() {
    store.createSchema();
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void store(String event, long millis, Map<String, Object> properties) {
    store.append(
        List.of(
            new TrackedEvent(
                "demo",
                event,
                "user-1",
                Instant.ofEpochMilli(millis),
                event + millis,
                null,
                properties,
                Instant.ofEpochMilli(millis))),
        // Every property of these events is a string.
        (project, property) -> Optional.of(ColumnType.STRING));
  }

  private UserSequenceController.UserSequence newest(String distinctId, int limit) {
    return controller.events("demo", distinctId, null, null, null, null, limit);
  }

  @Test
  void showsTheUsersEventsNewestFirstWithDisplayNamesAndProperties() {
    store("BindCard", 1000, Map.of("result", "fail", "fail_reason", "卡号错误"));
    store("BindCard", 2000, Map.of("result", "success"));

    UserSequenceController.UserSequence sequence = newest("user-1", 10);

    assertThat(sequence.events())
        .extracting(UserSequenceController.UserEvent::time)
        .containsExactly(Instant.ofEpochMilli(2000), Instant.ofEpochMilli(1000));
    assertThat(sequence.events().get(1).displayName()).isEqualTo("绑定银行卡");
    assertThat(sequence.events().get(1).properties()).containsEntry("fail_reason", "卡号错误");
  }

  @Test
  void fallsBackToTheEventNameWhenThePlanDoesNotKnowIt() {
    store("$AppStart", 1000, Map.of());

    assertThat(newest("user-1", 10).events())
        .singleElement()
        .extracting(UserSequenceController.UserEvent::displayName)
        .isEqualTo("$AppStart");
  }

  @Test
  void showsTheEventsSentBeforeSignupUnderTheLoginIdAndUnderTheAnonymousId() {
    store("BindCard", 1000, Map.of());
    store.append(
        List.of(
            new TrackedEvent(
                    "demo",
                    "$SignUp",
                    "login-1",
                    Instant.ofEpochMilli(2000),
                    "signup",
                    null,
                    Map.of(),
                    Instant.ofEpochMilli(2000))
                .linking("user-1")),
        (project, property) -> Optional.of(ColumnType.STRING));

    for (String id : List.of("login-1", "user-1")) {
      UserSequenceController.UserSequence sequence = newest(id, 10);
      assertThat(sequence.userId()).isEqualTo("login-1");
      assertThat(sequence.distinctIds()).containsExactly("login-1", "user-1");
      assertThat(sequence.events())
          .extracting(
              UserSequenceController.UserEvent::event, UserSequenceController.UserEvent::distinctId)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("$SignUp", "login-1"),
              org.assertj.core.groups.Tuple.tuple("BindCard", "user-1"));
    }
  }

  @Test
  void refusesALimitOutsideItsRange() {
    assertThatThrownBy(() -> newest("user-1", 0))
        .isInstanceOfSatisfying(
            InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("limit"))
        .hasMessage("limit: must be 1 to 1000");
    assertThatThrownBy(() -> newest("user-1", 1001)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void carriesTheUsersLatestProfileOrNullWithoutOne() {
    store("BindCard", 1000, Map.of());
    assertThat(newest("user-1", 10).profile()).isNull();

    store.appendProfileUpdates(
        List.of(
            new ProfileUpdate(
                "demo",
                "user-1",
                ProfileOperation.SET,
                Map.of("city", "上海"),
                Instant.ofEpochMilli(500),
                "p1",
                Instant.ofEpochMilli(500))));

    assertThat(newest("user-1", 10).profile()).isEqualTo(Map.of("city", "上海"));
  }
}
