package dev.sextant.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResumptionTest {

  private final ImportState halfway =
      new ImportState("events.jsonl", 1000, 40, 38, 0, Map.of("UNKNOWN_EVENT", 2L), false);

  @Test
  void startsAtTheFirstLineWithoutAnEarlierRun() {
    assertThat(Resumption.startingPoint(Optional.empty(), "events.jsonl", 1000, false))
        .isEqualTo(ImportState.start("events.jsonl", 1000));
  }

  @Test
  void resumesWhereTheEarlierRunStopped() {
    assertThat(Resumption.startingPoint(Optional.of(halfway), "events.jsonl", 1000, false))
        .isEqualTo(halfway);
  }

  @Test
  void startsAgainWhenAskedTo() {
    assertThat(Resumption.startingPoint(Optional.of(halfway), "events.jsonl", 1000, true))
        .isEqualTo(ImportState.start("events.jsonl", 1000));
  }

  @Test
  void refusesToResumeAFileThatChanged() {
    assertThatThrownBy(
            () -> Resumption.startingPoint(Optional.of(halfway), "events.jsonl", 1200, false))
        .isInstanceOf(ImportFailedException.class)
        .hasMessageContaining("--restart");
  }
}
