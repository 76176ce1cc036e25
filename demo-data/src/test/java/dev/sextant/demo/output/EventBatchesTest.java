package dev.sextant.demo.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.event.TrackedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventBatchesTest {

  private static TrackedEvent event(int n) {
    Instant at = Instant.ofEpochMilli(1_483_200_000_000L + n);
    return new TrackedEvent("demo", "Share", "demo-u-1", at, "id-" + n, null, Map.of(), at);
  }

  @Test
  void handsFullBatchesThenTheRestAndReportsProgress() {
    List<Integer> sizes = new ArrayList<>();
    List<Long> progress = new ArrayList<>();
    EventBatches batches = new EventBatches(3, batch -> sizes.add(batch.size()), progress::add);
    for (int n = 0; n < 7; n++) {
      batches.accept(event(n));
    }
    batches.close();
    assertThat(sizes).containsExactly(3, 3, 1);
    assertThat(progress).containsExactly(3L, 6L, 7L);
    assertThat(batches.stored()).isEqualTo(7);
  }

  @Test
  void keepsNoReferenceToABatchItHandedOver() {
    List<List<TrackedEvent>> handed = new ArrayList<>();
    EventBatches batches = new EventBatches(2, handed::add, stored -> {});
    for (int n = 0; n < 4; n++) {
      batches.accept(event(n));
    }
    assertThat(handed.get(0)).extracting(TrackedEvent::insertId).containsExactly("id-0", "id-1");
  }

  @Test
  void rejectsAnEmptyBatchSize() {
    assertThatThrownBy(() -> new EventBatches(0, batch -> {}, stored -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
