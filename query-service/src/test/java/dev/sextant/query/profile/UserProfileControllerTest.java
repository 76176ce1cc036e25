package dev.sextant.query.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.event.TrackedEvent;
import dev.sextant.event.profile.ProfileOperation;
import dev.sextant.event.profile.ProfileUpdate;
import dev.sextant.store.duckdb.DuckDbEventStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The profile as the API answers it, over a real (in-memory) DuckDB store. */
class UserProfileControllerTest {

  private final DuckDbEventStore store = DuckDbEventStore.inMemory();
  private final UserProfileController controller = new UserProfileController(store);

  UserProfileControllerTest() {
    store.createSchema();
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void update(
      String distinctId, ProfileOperation operation, long millis, Map<String, Object> properties) {
    store.appendProfileUpdates(
        List.of(
            new ProfileUpdate(
                "demo",
                distinctId,
                operation,
                properties,
                Instant.ofEpochMilli(millis),
                distinctId + "-" + millis,
                Instant.ofEpochMilli(millis))));
  }

  @Test
  void answersTheLatestProfileWithItsPropertiesSortedByName() {
    update("user-1", ProfileOperation.SET, 1000, Map.of("city", "上海", "age", 30L));
    update("user-1", ProfileOperation.INCREMENT, 2000, Map.of("age", 1L));

    UserProfileController.UserProfile profile = controller.profile("demo", "user-1");

    assertThat(profile.userId()).isEqualTo("user-1");
    assertThat(profile.distinctIds()).containsExactly("user-1");
    assertThat(profile.properties())
        .containsExactly(Map.entry("age", 31L), Map.entry("city", "上海"));
    assertThat(profile.updatedAt()).isEqualTo(Instant.ofEpochMilli(2000));
  }

  @Test
  void gathersTheUpdatesOfTheAnonymousIdsLinkedToTheLoginId() {
    update("anon-1", ProfileOperation.SET_ONCE, 1000, Map.of("first_channel", "ads"));
    store.append(
        List.of(
            new TrackedEvent(
                    "demo",
                    "$SignUp",
                    "login-1",
                    Instant.ofEpochMilli(1500),
                    "signup",
                    null,
                    Map.of(),
                    Instant.ofEpochMilli(1500))
                .linking("anon-1")),
        (project, property) -> Optional.empty());
    update("login-1", ProfileOperation.SET_ONCE, 2000, Map.of("first_channel", "direct"));

    for (String id : List.of("anon-1", "login-1")) {
      UserProfileController.UserProfile profile = controller.profile("demo", id);
      assertThat(profile.userId()).isEqualTo("login-1");
      assertThat(profile.distinctIds()).containsExactly("login-1", "anon-1");
      assertThat(profile.properties()).isEqualTo(Map.of("first_channel", "ads"));
    }
  }

  @Test
  void aUserWithoutAProfileOrWithADeletedOneIsNotFound() {
    assertThatThrownBy(() -> controller.profile("demo", "nobody"))
        .isInstanceOf(ProfileNotFoundException.class)
        .hasMessage("user nobody of project demo has no profile");

    update("user-1", ProfileOperation.SET, 1000, Map.of("city", "上海"));
    update("user-1", ProfileOperation.DELETE, 2000, Map.of());

    assertThatThrownBy(() -> controller.profile("demo", "user-1"))
        .isInstanceOf(ProfileNotFoundException.class);
  }
}
