package dev.sextant.collector.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpRangeTest {

  @ParameterizedTest(name = "{0} contains {1}: {2}")
  @CsvSource({
    "10.0.0.0/8, 10.255.1.2, true",
    "10.0.0.0/8, 11.0.0.1, false",
    "172.16.0.0/12, 172.31.255.255, true",
    "172.16.0.0/12, 172.32.0.0, false",
    "192.168.1.5, 192.168.1.5, true",
    "192.168.1.5, 192.168.1.6, false",
    "0.0.0.0/0, 8.8.8.8, true",
    "fd00::/8, fd12:3456::1, true",
    "fd00::/8, fe80::1, false",
    "::1, ::1, true",
    "10.0.0.0/8, ::1, false",
    "fd00::/8, 10.0.0.1, false",
    "192.168.0.0/23, 192.168.1.200, true",
    "192.168.0.0/23, 192.168.2.1, false",
  })
  void matchesAddressesInside(String range, String address, boolean inside) {
    assertThat(IpRange.parse(range).contains(IpLiterals.parse(address).orElseThrow()))
        .isEqualTo(inside);
  }
}
