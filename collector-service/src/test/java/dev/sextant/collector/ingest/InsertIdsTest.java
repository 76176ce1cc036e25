package dev.sextant.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InsertIdsTest {

  @Test
  void idsAreVersion8UuidsOfTheRfcVariant() {
    UUID id = UUID.fromString(InsertIds.random().get());
    assertThat(id.version()).isEqualTo(8);
    assertThat(id.variant()).isEqualTo(2);
  }

  @Test
  void idsKeepThePrefixAndCountUp() {
    InsertIds ids = InsertIds.withPrefix(0x0123_4567_89AB_CDEFL);
    assertThat(List.of(ids.get(), ids.get(), ids.get()))
        .containsExactly(
            "01234567-89ab-8def-8000-000000000000",
            "01234567-89ab-8def-8000-000000000001",
            "01234567-89ab-8def-8000-000000000002");
  }

  @Test
  void twoProcessesDrawDifferentPrefixes() {
    Set<Long> prefixes = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      prefixes.add(UUID.fromString(InsertIds.random().get()).getMostSignificantBits());
    }
    assertThat(prefixes).hasSize(1000);
  }

  @Test
  void idsTakenByManyThreadsAtOnceAreAllDistinct() throws Exception {
    InsertIds ids = InsertIds.random();
    Set<String> seen = ConcurrentHashMap.newKeySet();
    int threads = 8;
    int each = 20_000;
    try (var executor = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> done =
          java.util.stream.IntStream.range(0, threads)
              .<Future<?>>mapToObj(t ->
                  executor.submit(() -> {
                    for (int i = 0; i < each; i++) {
                      seen.add(ids.get());
                    }
                  }))
              .toList();
      for (Future<?> thread : done) {
        thread.get();
      }
    }
    assertThat(seen).hasSize(threads * each);
  }
}
