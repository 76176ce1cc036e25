package dev.sextant.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClickHouseVersionTest {

  static Stream<Arguments> versions() {
    return Stream.of(
        Arguments.of("18.16.1", new ClickHouseVersion(18, 16, 1, 0), "18.16.1"),
        Arguments.of("18.16.1\n", new ClickHouseVersion(18, 16, 1, 0), "18.16.1"),
        Arguments.of("24.8.4.13", new ClickHouseVersion(24, 8, 4, 13), "24.8.4.13"),
        Arguments.of(
            "23.3.1.2823 (official build)", new ClickHouseVersion(23, 3, 1, 2823), "23.3.1.2823"),
        Arguments.of("25.3.2.39-lts", new ClickHouseVersion(25, 3, 2, 39), "25.3.2.39"),
        Arguments.of("21.8", new ClickHouseVersion(21, 8, 0, 0), "21.8.0"));
  }

  @ParameterizedTest
  @MethodSource("versions")
  void parsesWhatServersReport(String text, ClickHouseVersion version, String shown) {
    assertThat(ClickHouseVersion.parse(text)).isEqualTo(version);
    assertThat(version.toString()).isEqualTo(shown);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "v18.16.1", "18", "eighteen.16"})
  void refusesWhatIsNoVersion(String text) {
    assertThatThrownBy(() -> ClickHouseVersion.parse(text))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ordersNumericallyNotAlphabetically() {
    List<ClickHouseVersion> ordered =
        Stream.of("24.10.1.1", "18.16.1", "24.8.4.13", "19.1", "18.16.2", "24.8.4.2")
            .map(ClickHouseVersion::parse)
            .sorted()
            .toList();

    assertThat(ordered)
        .extracting(ClickHouseVersion::toString)
        .containsExactly("18.16.1", "18.16.2", "19.1.0", "24.8.4.2", "24.8.4.13", "24.10.1.1");
  }

  @Test
  void comparesWithAMajorAndMinor() {
    ClickHouseVersion debian = ClickHouseVersion.parse("18.16.1");

    assertThat(debian.isAtLeast(18, 16)).isTrue();
    assertThat(debian.isAtLeast(18, 14)).isTrue();
    assertThat(debian.isAtLeast(18, 17)).isFalse();
    assertThat(debian.isAtLeast(19, 0)).isFalse();
  }
}
