package dev.sextant.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrackIdWindowTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T02:00:00Z"));
  private final TrackIdWindow window = TrackIdWindow.of(Duration.ofMinutes(10), 1000, clock);
  private final TrackIdWindow.Key key = new TrackIdWindow.Key("demo", "u1", 42L);

  @Test
  void remembersAnAcceptedRecordWithinTheWindow() {
    window.remember(key, "insert-1");
    clock.advance(Duration.ofMinutes(9));

    assertThat(window.acceptedAs(key)).contains("insert-1");
  }

  @Test
  void forgetsItOnceTheWindowHasPassed() {
    window.remember(key, "insert-1");
    clock.advance(Duration.ofMinutes(10).plusMillis(1));

    assertThat(window.acceptedAs(key)).isEmpty();
  }

  @Test
  void theSameTrackIdOfAnotherUserOrProjectIsAnotherRecord() {
    window.remember(key, "insert-1");

    assertThat(window.acceptedAs(new TrackIdWindow.Key("demo", "u2", 42L))).isEmpty();
    assertThat(window.acceptedAs(new TrackIdWindow.Key("other", "u1", 42L))).isEmpty();
    assertThat(window.acceptedAs(new TrackIdWindow.Key("demo", "u1", 43L))).isEmpty();
  }

  @Test
  void keepsAtMostItsSizeInMemory() {
    TrackIdWindow small = TrackIdWindow.of(Duration.ofMinutes(10), 100, clock);
    for (long trackId = 0; trackId < 10_000; trackId++) {
      small.remember(new TrackIdWindow.Key("demo", "u1", trackId), "insert-" + trackId);
    }

    long remembered = 0;
    for (long trackId = 0; trackId < 10_000; trackId++) {
      if (small.acceptedAs(new TrackIdWindow.Key("demo", "u1", trackId)).isPresent()) {
        remembered++;
      }
    }
    assertThat(remembered).isBetween(1L, 100L);
  }

  @Test
  void aZeroWindowRemembersNothing() {
    TrackIdWindow off = TrackIdWindow.of(Duration.ZERO, 1000, clock);
    off.remember(key, "insert-1");

    assertThat(off.acceptedAs(key)).isEmpty();
  }

  @Test
  void refusesANegativeWindow() {
    assertThatThrownBy(() -> TrackIdWindow.of(Duration.ofMinutes(-1), 1000, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
  }
}
