package dev.sextant.query.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.query.model.InvalidQueryException;
import dev.sextant.store.UserEventQuery;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SequenceQueryTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static SequenceQuery read(String from, String to) {
    return SequenceQuery.read(null, from, to, null, 100, SHANGHAI);
  }

  @Test
  void datesAreLocalDatesInTheProjectsZoneBothInclusive() {
    SequenceQuery query = read("2026-11-01", "2026-11-01");
    assertThat(query.from()).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
    assertThat(query.to()).isEqualTo(Instant.parse("2026-11-01T16:00:00Z"));
  }

  @Test
  void instantsAreTakenAsTheyAreWithOrWithoutAnOffset() {
    SequenceQuery query = read("2026-11-01T08:00:00+08:00", "2026-11-01T08:00:00.001Z");
    assertThat(query.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(query.to()).isEqualTo(Instant.parse("2026-11-01T08:00:00.001Z"));
  }

  @Test
  void noBoundsMeansTheWholeHistory() {
    SequenceQuery query = read(null, "");
    assertThat(query.from()).isNull();
    assertThat(query.to()).isNull();
    assertThat(query.events()).isEmpty();
    assertThat(query.before()).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "2026-13-01, , from",
    "yesterday, , from",
    ", 2026-11-01 08:00, to",
    "2026-11-02, 2026-11-01, to",
    "2026-11-01T08:00:00Z, 2026-11-01T08:00:00Z, to",
  })
  void refusesATimeThatIsNeitherAnInstantNorADateOrAnEmptyRange(
      String from, String to, String field) {
    assertThatThrownBy(() -> read(from, to))
        .isInstanceOfSatisfying(
            InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void theCursorIsOpaqueAndReadsBackAsTheEventsTimeAndInsertId() {
    UserEventQuery.Position last =
        new UserEventQuery.Position(Instant.parse("2026-11-01T08:00:00.123Z"), "ins:ert/id+1");
    String cursor = SequenceQuery.cursorAfter(last);
    assertThat(cursor).doesNotContain("ins").doesNotContain(":").doesNotContain("/");
    assertThat(SequenceQuery.read(null, null, null, cursor, 10, SHANGHAI).before()).isEqualTo(last);
  }

  @ParameterizedTest
  @CsvSource({"not a cursor", "MTIz", "YWJjOmRlZg", "OjEyMw"})
  void refusesACursorItDidNotGive(String cursor) {
    assertThatThrownBy(() -> SequenceQuery.read(null, null, null, cursor, 10, SHANGHAI))
        .isInstanceOfSatisfying(
            InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("before"));
  }

  @Test
  void readsOneEventMoreThanThePageToKnowWhetherAnotherFollows() {
    UserEventQuery store =
        SequenceQuery.read(List.of("B", "A"), null, null, null, 20, SHANGHAI)
            .forUser(List.of("login-1", "anon-1"));
    assertThat(store.limit()).isEqualTo(21);
    assertThat(store.events()).containsExactly("A", "B");
    assertThat(store.distinctIds()).containsExactly("login-1", "anon-1");
  }

  @Test
  void refusesALimitOutsideOneToAThousandAndBlankOrTooManyNames() {
    assertThatThrownBy(() -> SequenceQuery.read(null, null, null, null, 1001, SHANGHAI))
        .isInstanceOfSatisfying(
            InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("limit"));
    assertThatThrownBy(() -> SequenceQuery.read(List.of(" "), null, null, null, 10, SHANGHAI))
        .isInstanceOfSatisfying(
            InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("events"));
    List<String> many = java.util.stream.IntStream.range(0, 101).mapToObj(i -> "E" + i).toList();
    assertThatThrownBy(() -> SequenceQuery.read(many, null, null, null, 10, SHANGHAI))
        .isInstanceOfSatisfying(
            InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("events"));
  }
}
