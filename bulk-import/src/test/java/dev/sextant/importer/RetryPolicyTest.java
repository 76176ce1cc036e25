package dev.sextant.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

  private final RetryPolicy policy =
      new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30));

  @ParameterizedTest
  @CsvSource({
    "429,true",
    "503,true",
    "502,true",
    "504,true",
    "400,false",
    "401,false",
    "413,false"
  })
  void retriesOnlyWhatWaitingCanFix(int status, boolean transientFailure) {
    assertThat(RetryPolicy.isTransient(status)).isEqualTo(transientFailure);
  }

  @Test
  void waitsAsLongAsTheCollectorSays() {
    assertThat(policy.waitAfter(1, Optional.of("5"))).contains(Duration.ofSeconds(5));
  }

  @Test
  void neverWaitsLongerThanTheLongestWait() {
    assertThat(policy.waitAfter(1, Optional.of("3600"))).contains(Duration.ofSeconds(30));
    assertThat(
            new RetryPolicy(99, Duration.ofSeconds(1), Duration.ofSeconds(30))
                .waitAfter(40, Optional.empty()))
        .contains(Duration.ofSeconds(30));
  }

  @Test
  void doublesTheWaitWithoutRetryAfter() {
    assertThat(policy.waitAfter(1, Optional.empty())).contains(Duration.ofSeconds(1));
    assertThat(policy.waitAfter(2, Optional.empty())).contains(Duration.ofSeconds(2));
    assertThat(policy.waitAfter(3, Optional.of("a date"))).contains(Duration.ofSeconds(4));
  }

  @Test
  void givesUpAfterTheLastAttempt() {
    assertThat(policy.waitAfter(4, Optional.of("1"))).isEmpty();
  }
}
