package dev.sextant.collector.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {

  private static final TrustedProxies PROXIES =
      TrustedProxies.of(List.of("10.0.0.0/8", "192.168.1.5", "fd00::/8", "127.0.0.1"));

  static Stream<Arguments> requests() {
    return Stream.of(
        // peer, X-Forwarded-For headers ("|" separates headers), expected client
        row("no header: the peer", "203.0.113.7", "", "203.0.113.7"),
        row("untrusted peer: its header is ignored", "203.0.113.7", "1.2.3.4", "203.0.113.7"),
        row("trusted peer: the hop it reports", "10.1.2.3", "198.51.100.9", "198.51.100.9"),
        row("trusted peer, no header: the peer", "10.1.2.3", "", "10.1.2.3"),
        row(
            "a chain of trusted proxies is skipped",
            "10.1.2.3",
            "198.51.100.9, 192.168.1.5, 10.9.9.9",
            "198.51.100.9"),
        row(
            "a forged left part stops at the first untrusted hop",
            "10.1.2.3",
            "6.6.6.6, 198.51.100.9, 10.9.9.9",
            "198.51.100.9"),
        row(
            "several headers read as one list",
            "10.1.2.3",
            "198.51.100.9|10.9.9.9",
            "198.51.100.9"),
        row("all hops trusted: the leftmost", "10.1.2.3", "10.0.0.1, 10.0.0.2", "10.0.0.1"),
        row("garbage ends the walk at the trusted hop", "10.1.2.3", "1.2.3.4, unknown", "10.1.2.3"),
        row("an IPv4 hop with a port", "10.1.2.3", "198.51.100.9:4711", "198.51.100.9"),
        row(
            "an IPv6 hop in brackets with a port",
            "10.1.2.3",
            "[2001:db8::1]:443",
            "2001:db8:0:0:0:0:0:1"),
        row("an IPv6 hop", "fd12::1", "2001:db8::7", "2001:db8:0:0:0:0:0:7"),
        row("an IPv6 peer outside the ranges", "2001:db8::9", "1.2.3.4", "2001:db8:0:0:0:0:0:9"),
        row("loopback peer trusted", "127.0.0.1", "203.0.113.50", "203.0.113.50"),
        row("a name is never looked up", "10.1.2.3", "example.com", "10.1.2.3"),
        row("a short IPv4 form is garbage", "10.1.2.3", "1.2.3.4, 10.1", "10.1.2.3"),
        row("empty entries are skipped", "10.1.2.3", " , 198.51.100.9 ,", "198.51.100.9"));
  }

  private static Arguments row(String name, String peer, String headers, String client) {
    List<String> forwardedFor = headers.isEmpty() ? List.of() : Arrays.asList(headers.split("\\|"));
    return Arguments.of(name, peer, forwardedFor, client);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void findsTheClientAddress(String name, String peer, List<String> forwardedFor, String client) {
    assertThat(PROXIES.clientAddress(peer, forwardedFor)).isEqualTo(client);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void trustsNoHeaderWithoutConfiguredProxies(
      String name, String peer, List<String> forwardedFor, String client) {
    assertThat(TrustedProxies.none().clientAddress(peer, forwardedFor))
        .isEqualTo(IpLiterals.parse(peer).orElseThrow().getHostAddress());
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/33", "fd00::/129", "10.0.0.0/x", "example.com", "", "10.0.0/8"})
  void refusesAConfigurationThatIsNotAnAddressOrRange(String entry) {
    assertThatThrownBy(() -> TrustedProxies.of(List.of(entry)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
