package dev.sextant.collector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.event.TrackedEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaEventPublisherTest {

  private static TrackedEvent by(String project, String distinctId) {
    return new TrackedEvent(
        project, "E", distinctId, Instant.EPOCH, "i", null, Map.of(), Instant.EPOCH);
  }

  @Test
  void keysEventsByProjectAndUserSoEachUsersEventsStayInOrder() {
    assertThat(KafkaEventPublisher.keyOf(by("p2p", "user-42"))).isEqualTo("p2p:user-42");
    assertThat(KafkaEventPublisher.keyOf(by("p2p", "user-42")))
        .isEqualTo(KafkaEventPublisher.keyOf(by("p2p", "user-42")));
  }

  @Test
  void theSameIdInTwoProjectsIsTwoKeys() {
    assertThat(KafkaEventPublisher.keyOf(by("p2p", "u")))
        .isNotEqualTo(KafkaEventPublisher.keyOf(by("forex", "u")));
  }
}
