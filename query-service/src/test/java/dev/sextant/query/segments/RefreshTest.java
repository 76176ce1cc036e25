package dev.sextant.query.segments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefreshTest {

  private static final Instant LATEST = Instant.parse("2017-02-15T01:00:00Z");

  @Test
  void aFirstSnapshotIsDueAtOnceUnlessOnDemand() {
    assertThat(Refresh.HOURLY.isDue(null, LATEST)).isTrue();
    assertThat(Refresh.DAILY.isDue(null, LATEST)).isTrue();
    assertThat(Refresh.NONE.isDue(null, LATEST)).isFalse();
  }

  @Test
  void theNextIsDueOnePeriodAfterTheLatest() {
    assertThat(Refresh.HOURLY.isDue(LATEST, LATEST.plus(Duration.ofMinutes(59)))).isFalse();
    assertThat(Refresh.HOURLY.isDue(LATEST, LATEST.plus(Duration.ofHours(1)))).isTrue();
    assertThat(Refresh.DAILY.isDue(LATEST, LATEST.plus(Duration.ofHours(23)))).isFalse();
    assertThat(Refresh.DAILY.isDue(LATEST, LATEST.plus(Duration.ofDays(1)))).isTrue();
    assertThat(Refresh.NONE.isDue(LATEST, LATEST.plus(Duration.ofDays(400)))).isFalse();
  }
}
