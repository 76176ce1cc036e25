package dev.sextant.demo.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.event.QuarantineCode;
import dev.sextant.event.QuarantineReason;
import dev.sextant.registry.validation.EventValidator;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The faulty release breaks the demo plan exactly as its story says, and nothing else does. */
class FaultyReleaseTest {

  private static final SimulationSettings SETTINGS =
      SimulationSettings.caseStudy("demo", 1_000, 90, 2017);

  @Test
  void eachBugIsQuarantinedForItsOwnReasons() throws IOException {
    EventValidator validator = EventValidator.compile(DemoPlanConformanceTest.demoPlan());
    Map<String, Integer> recordsByReasons = new TreeMap<>();
    for (Map<String, Object> record : FaultyRelease.records(SETTINGS)) {
      @SuppressWarnings("unchecked")
      Map<String, Object> properties = (Map<String, Object>) record.get("properties");
      List<QuarantineReason> reasons =
          validator.check((String) record.get("event"), properties).reasons();
      Set<QuarantineCode> codes =
          reasons.stream()
              .map(QuarantineReason::code)
              .collect(Collectors.toCollection(TreeSet::new));
      recordsByReasons.merge(codes.toString(), 1, Integer::sum);
    }

    assertThat(recordsByReasons)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "[UNKNOWN_PROPERTY, MISSING_REQUIRED_PROPERTY]", FaultyRelease.RENAMED_PRODUCT_ID,
                "[UNKNOWN_EVENT]", FaultyRelease.UNPLANNED_EVENT,
                "[NOT_IN_ENUM]", FaultyRelease.UNLISTED_PRODUCT_TYPE,
                "[TYPE_MISMATCH]", FaultyRelease.TERM_AS_TEXT));
  }

  @Test
  void theRecordsLieInThePeriodsLastFiveDaysAndAreTheSameForTheSameSeed() {
    List<Map<String, Object>> records = FaultyRelease.records(SETTINGS);
    Instant from = SETTINGS.firstDay().plusDays(85).atStartOfDay(SETTINGS.zone()).toInstant();
    Instant until = SETTINGS.firstDay().plusDays(90).atStartOfDay(SETTINGS.zone()).toInstant();

    assertThat(records)
        .extracting(record -> Instant.ofEpochMilli((Long) record.get("time")))
        .allSatisfy(time -> assertThat(time).isBetween(from, until))
        .isSorted();
    assertThat(FaultyRelease.records(SETTINGS)).isEqualTo(records);
  }
}
