package dev.sextant.collector.enrich;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds the client's address behind proxies. {@code X-Forwarded-For} is honoured only from the
 * configured trusted proxies: anyone else can write anything in it. The chain is read from the
 * right (the hop nearest to us) leftwards while the hop is trusted; the first untrusted address is
 * the client. An entry that is not an address ends the walk at the last trusted hop, since
 * everything left of it may be forged.
 */
public final class TrustedProxies {

  private final List<IpRange> ranges;

  public TrustedProxies(List<IpRange> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  /** Trusts none: the client is always the TCP peer. */
  public static TrustedProxies none() {
    return new TrustedProxies(List.of());
  }

  /**
   * Reads {@code 10.0.0.0/8}-style entries.
   *
   * @throws IllegalArgumentException naming the first entry that is not an address or CIDR
   */
  public static TrustedProxies of(List<String> cidrs) {
    return new TrustedProxies(cidrs.stream().map(IpRange::parse).toList());
  }

  /**
   * The client's address, as text.
   *
   * @param peer the TCP peer's address (the servlet's remote address)
   * @param forwardedFor every {@code X-Forwarded-For} header of the request, in order
   */
  public String clientAddress(String peer, List<String> forwardedFor) {
    Optional<InetAddress> peerAddress = IpLiterals.parse(peer);
    if (peerAddress.isEmpty() || !isTrusted(peerAddress.get())) {
      return peerAddress.map(InetAddress::getHostAddress).orElse(peer);
    }
    List<String> hops =
        forwardedFor.stream()
            .flatMap(header -> Arrays.stream(header.split(",")))
            .map(String::strip)
            .filter(hop -> !hop.isEmpty())
            .toList();
    InetAddress client = peerAddress.get();
    for (int i = hops.size() - 1; i >= 0 && isTrusted(client); i--) {
      Optional<InetAddress> hop = IpLiterals.parse(hops.get(i));
      if (hop.isEmpty()) {
        break;
      }
      client = hop.get();
    }
    return client.getHostAddress();
  }

  private boolean isTrusted(InetAddress address) {
    return ranges.stream().anyMatch(range -> range.contains(address));
  }
}
