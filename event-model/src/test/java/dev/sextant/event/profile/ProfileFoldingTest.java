package dev.sextant.event.profile;

import static dev.sextant.event.profile.ProfileOperation.APPEND;
import static dev.sextant.event.profile.ProfileOperation.DELETE;
import static dev.sextant.event.profile.ProfileOperation.INCREMENT;
import static dev.sextant.event.profile.ProfileOperation.SET;
import static dev.sextant.event.profile.ProfileOperation.SET_ONCE;
import static dev.sextant.event.profile.ProfileOperation.UNSET;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProfileFoldingTest {

  private static int sequence;

  /** An update at second {@code second}, insert id in the order updates are written here. */
  private static ProfileUpdate at(int second, ProfileOperation operation, Map<String, Object> p) {
    return new ProfileUpdate(
        "demo",
        "u1",
        operation,
        p,
        Instant.ofEpochSecond(1_700_000_000L + second),
        "id-%04d".formatted(sequence++),
        Instant.ofEpochSecond(1_800_000_000L));
  }

  private static Map<String, Object> folded(ProfileUpdate... updates) {
    return ProfileFolding.fold(List.of(updates)).orElseThrow().properties();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "set creates and overwrites",
            List.of(
                at(1, SET, Map.of("name", "Ann", "vip", true)), at(2, SET, Map.of("name", "Bo"))),
            Map.of("name", "Bo", "vip", true)),
        Arguments.of(
            "set_once only where absent",
            List.of(at(1, SET_ONCE, Map.of("first", "a")), at(2, SET_ONCE, Map.of("first", "b"))),
            Map.of("first", "a")),
        Arguments.of(
            "set_once after a set keeps the set value",
            List.of(at(1, SET, Map.of("city", "Beijing")), at(2, SET_ONCE, Map.of("city", "X"))),
            Map.of("city", "Beijing")),
        Arguments.of(
            "set overwrites a set_once value",
            List.of(at(1, SET_ONCE, Map.of("city", "X")), at(2, SET, Map.of("city", "Shanghai"))),
            Map.of("city", "Shanghai")),
        Arguments.of(
            "set_once after unset sets again",
            List.of(
                at(1, SET_ONCE, Map.of("first", "a")),
                at(2, UNSET, Map.of("first", true)),
                at(3, SET_ONCE, Map.of("first", "b"))),
            Map.of("first", "b")),
        Arguments.of(
            "increment from absent counts from 0",
            List.of(at(1, INCREMENT, Map.of("logins", 1L)), at(2, INCREMENT, Map.of("logins", 2L))),
            Map.of("logins", 3L)),
        Arguments.of(
            "increment by a negative number subtracts",
            List.of(at(1, SET, Map.of("points", 10L)), at(2, INCREMENT, Map.of("points", -15L))),
            Map.of("points", -5L)),
        Arguments.of(
            "increment with decimals is exact",
            List.of(
                at(1, INCREMENT, Map.of("spent", new BigDecimal("0.1"))),
                at(2, INCREMENT, Map.of("spent", new BigDecimal("0.2"))),
                at(3, INCREMENT, Map.of("spent", 1L))),
            Map.of("spent", new BigDecimal("1.3"))),
        Arguments.of(
            "increment past Long.MAX_VALUE becomes a decimal",
            List.of(at(1, SET, Map.of("big", Long.MAX_VALUE)), at(2, INCREMENT, Map.of("big", 1L))),
            Map.of("big", new BigDecimal("9223372036854775808"))),
        Arguments.of(
            "increment leaves a non-number as it is",
            List.of(at(1, SET, Map.of("level", "gold")), at(2, INCREMENT, Map.of("level", 1L))),
            Map.of("level", "gold")),
        Arguments.of(
            "append to absent starts a list, duplicates kept in order",
            List.of(
                at(1, APPEND, Map.of("tags", List.of("a", "b"))),
                at(2, APPEND, Map.of("tags", List.of("b", "a")))),
            Map.of("tags", List.of("a", "b", "b", "a"))),
        Arguments.of(
            "append extends a set list",
            List.of(
                at(1, SET, Map.of("tags", List.of("x"))),
                at(2, APPEND, Map.of("tags", List.of("y")))),
            Map.of("tags", List.of("x", "y"))),
        Arguments.of(
            "append leaves a non-list as it is",
            List.of(at(1, SET, Map.of("tags", "x")), at(2, APPEND, Map.of("tags", List.of("y")))),
            Map.of("tags", "x")),
        Arguments.of(
            "appending nothing creates nothing",
            List.of(at(1, SET, Map.of("a", 1L)), at(2, APPEND, Map.of("tags", List.of()))),
            Map.of("a", 1L)),
        Arguments.of(
            "unset removes only the named properties, absent names are ignored",
            List.of(
                at(1, SET, Map.of("a", 1L, "b", 2L)), at(2, UNSET, Map.of("a", true, "zz", true))),
            Map.of("b", 2L)),
        Arguments.of(
            "unset of everything leaves an empty profile",
            List.of(at(1, SET, Map.of("a", 1L)), at(2, UNSET, Map.of("a", true))),
            Map.of()),
        Arguments.of(
            "delete then set starts afresh",
            List.of(
                at(1, SET, Map.of("a", 1L, "b", 2L)),
                at(2, DELETE, Map.of()),
                at(3, INCREMENT, Map.of("a", 5L))),
            Map.of("a", 5L)),
        Arguments.of(
            "set_once after delete sets again",
            List.of(
                at(1, SET_ONCE, Map.of("first", "a")),
                at(2, DELETE, Map.of()),
                at(3, SET_ONCE, Map.of("first", "b"))),
            Map.of("first", "b")),
        Arguments.of(
            "updates apply by time, not by the order given",
            List.of(at(2, SET, Map.of("name", "late")), at(1, SET, Map.of("name", "early"))),
            Map.of("name", "late")),
        Arguments.of(
            "an increment before a set in time is overwritten by the set",
            List.of(at(2, SET, Map.of("n", 100L)), at(1, INCREMENT, Map.of("n", 1L))),
            Map.of("n", 100L)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void foldsUpdatesWithSensorsSemantics(
      String name, List<ProfileUpdate> updates, Map<String, Object> expected) {
    assertThat(ProfileFolding.fold(updates).orElseThrow().properties()).isEqualTo(expected);
  }

  @Test
  void noUpdatesMeanNoProfile() {
    assertThat(ProfileFolding.fold(List.of())).isEmpty();
  }

  @Test
  void aDeleteLastMeansNoProfile() {
    assertThat(ProfileFolding.fold(List.of(at(1, SET, Map.of("a", 1L)), at(2, DELETE, Map.of()))))
        .isEmpty();
    assertThat(ProfileFolding.fold(List.of(at(1, DELETE, Map.of())))).isEmpty();
  }

  @Test
  void updatesAtTheSameMillisecondApplyByInsertId() {
    Instant time = Instant.parse("2026-11-25T00:00:00.123Z");
    Instant received = Instant.parse("2026-11-25T00:00:01Z");
    ProfileUpdate b = new ProfileUpdate("demo", "u1", SET, Map.of("x", "b"), time, "b", received);
    ProfileUpdate a = new ProfileUpdate("demo", "u1", SET, Map.of("x", "a"), time, "a", received);

    assertThat(folded(b, a)).isEqualTo(Map.of("x", "b"));
    assertThat(folded(a, b)).isEqualTo(Map.of("x", "b"));
  }

  @Test
  void updatedAtIsTheLastAppliedUpdatesTime() {
    ProfileUpdate first = at(1, SET, Map.of("a", 1L));
    ProfileUpdate second = at(5, SET_ONCE, Map.of("a", 2L));

    Optional<Profile> profile = ProfileFolding.fold(List.of(second, first));

    assertThat(profile.orElseThrow().updatedAt()).isEqualTo(second.time());
  }

  @Test
  void anyPermutationOfTheSameUpdatesFoldsToTheSameProfile() {
    List<ProfileUpdate> updates =
        List.of(
            at(1, SET, Map.of("name", "Ann", "tags", List.of("a"))),
            at(2, INCREMENT, Map.of("logins", 1L)),
            at(2, APPEND, Map.of("tags", List.of("b"))),
            at(3, SET_ONCE, Map.of("name", "Bo", "city", "Beijing")),
            at(4, UNSET, Map.of("city", true)),
            at(4, INCREMENT, Map.of("logins", new BigDecimal("2.5"))),
            at(5, DELETE, Map.of()),
            at(6, SET, Map.of("name", "Cy")),
            at(7, APPEND, Map.of("tags", List.of("c", "c"))),
            at(8, INCREMENT, Map.of("logins", 3L)));
    Profile expected = ProfileFolding.fold(updates).orElseThrow();
    assertThat(expected.properties())
        .isEqualTo(Map.of("name", "Cy", "tags", List.of("c", "c"), "logins", 3L));
    Random random = new Random(20261125);
    for (int round = 0; round < 50; round++) {
      List<ProfileUpdate> shuffled = new ArrayList<>(updates);
      Collections.shuffle(shuffled, random);
      assertThat(ProfileFolding.fold(shuffled)).contains(expected);
    }
  }
}
