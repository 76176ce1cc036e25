package dev.sextant.registry.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SensorsTimesTest {

  @ParameterizedTest(name = "''{0}'' is a date: {1}")
  @CsvSource({
    "2017-01-31, true",
    "2016-02-29, true",
    "2000-02-29, true",
    "1900-02-29, false",
    "2017-02-29, false",
    "2017-04-31, false",
    "2017-13-01, false",
    "2017-00-10, false",
    "2017-01-00, false",
    "2017-1-31, false",
    "2017/01/31, false",
    "20170131, false",
    "2017-01-3a, false",
  })
  void recognisesTheSensorsDateForm(String text, boolean isDate) {
    assertThat(SensorsTimes.isDate(text)).isEqualTo(isDate);
  }

  @ParameterizedTest(name = "''{0}'' is a datetime: {1}")
  @CsvSource({
    "2017-01-31 23:59:59, true",
    "2017-01-31 00:00:00.000, true",
    "2017-01-31 23:59:59.123, true",
    "2017-01-31 24:00:00, false",
    "2017-01-31 23:60:00, false",
    "2017-01-31 23:59:60, false",
    "2017-01-31T23:59:59, false",
    "2017-01-31 23:59, false",
    "2017-01-31 23:59:59.12, false",
    "2017-01-31 23:59:59.1234, false",
    "'2017-01-31 23:59:59,123', false",
    "2017-02-30 10:00:00, false",
    "2017-01-31, false",
  })
  void recognisesTheSensorsDatetimeForm(String text, boolean isDateTime) {
    assertThat(SensorsTimes.isDateTime(text)).isEqualTo(isDateTime);
  }
}
