package dev.sextant.collector.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GroupCommitPolicyTest {

  private final GroupCommitPolicy policy = new GroupCommitPolicy(100, Duration.ofMillis(2), 1000);

  @ParameterizedTest(name = "{0} queued + {1} -> {2}")
  @CsvSource({
    "0, 50, true",
    "950, 50, true",
    "951, 50, false",
    "999, 1, true",
    "1000, 1, false",
    // A request larger than the queue is still taken when nothing waits.
    "0, 5000, true",
    "1, 5000, false"
  })
  void admitsARequestWhileTheQueueHasRoomForItOrIsEmpty(int queued, int records, boolean admits) {
    assertThat(policy.admits(queued, records)).isEqualTo(admits);
  }

  @Test
  void admitsWithoutOverflowNearTheLargestCapacity() {
    GroupCommitPolicy large = new GroupCommitPolicy(100, Duration.ZERO, Integer.MAX_VALUE);

    assertThat(large.admits(Integer.MAX_VALUE - 1, 10)).isFalse();
  }

  @ParameterizedTest(name = "{0} records queued, oldest waited {1} ns -> wait {2} ns")
  @CsvSource({
    "1, 0, 2000000",
    "50, 500000, 1500000",
    "99, 1999999, 1",
    "99, 2000000, 0",
    "1, 9000000, 0",
    // A full group goes at once, however young.
    "100, 0, 0",
    "5000, 0, 0"
  })
  void waitsForMoreRequestsUntilTheGroupIsFullOrTheOldestHasWaitedTheDelay(
      int queued, long waited, long wait) {
    assertThat(policy.nanosToWait(queued, waited)).isEqualTo(wait);
  }

  @Test
  void withoutADelayCommitsWhateverWaitsAtOnce() {
    GroupCommitPolicy eager = new GroupCommitPolicy(100, Duration.ZERO, 1000);

    assertThat(eager.nanosToWait(1, 0)).isZero();
  }

  @Test
  void takesWholeRequestsOldestFirstUpToTheGroupSize() {
    assertThat(policy.groupLength(List.of(50, 50, 1))).isEqualTo(2);
    assertThat(policy.groupLength(List.of(30, 30, 30, 10, 1))).isEqualTo(4);
    assertThat(policy.groupLength(List.of(1, 2, 3))).isEqualTo(3);
  }

  @Test
  void neverSplitsARequestAndTakesALargeOneAlone() {
    assertThat(policy.groupLength(List.of(5000, 1))).isEqualTo(1);
    assertThat(policy.groupLength(List.of(10, 95, 1))).isEqualTo(1);
  }

  @Test
  void stopsReadingTheQueueOnceTheGroupIsFull() {
    Iterable<Integer> endless =
        () ->
            new java.util.Iterator<>() {
              @Override
              public boolean hasNext() {
                return true;
              }

              @Override
              public Integer next() {
                return 10;
              }
            };

    assertThat(policy.groupLength(endless)).isEqualTo(10);
  }

  @Test
  void refusesAnEmptyQueueAndInvalidSettings() {
    assertThatThrownBy(() -> policy.groupLength(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GroupCommitPolicy(0, Duration.ZERO, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GroupCommitPolicy(10, Duration.ZERO, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GroupCommitPolicy(10, Duration.ofMillis(-1), 10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
