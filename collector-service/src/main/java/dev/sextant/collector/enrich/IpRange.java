package dev.sextant.collector.enrich;

import java.net.InetAddress;

/**
 * An address range in CIDR form ({@code 10.0.0.0/8}, {@code ::1/128}) or one address ({@code
 * 192.168.1.5}, read as {@code /32} or {@code /128}).
 */
public record IpRange(InetAddress network, int prefixLength) {

  public IpRange {
    int bits = network.getAddress().length * 8;
    if (prefixLength < 0 || prefixLength > bits) {
      throw new IllegalArgumentException(
          "prefix /" + prefixLength + " does not fit " + network.getHostAddress());
    }
  }

  /**
   * Reads {@code 10.0.0.0/8}, {@code fd00::/8} or a single address.
   *
   * @throws IllegalArgumentException when it is neither (no name is ever looked up in DNS)
   */
  public static IpRange parse(String text) {
    String trimmed = text.strip();
    int slash = trimmed.indexOf('/');
    String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
    InetAddress network =
        IpLiterals.parse(address)
            .orElseThrow(
                () -> new IllegalArgumentException("'" + text + "' is not an address or CIDR"));
    int bits = network.getAddress().length * 8;
    int prefix;
    try {
      prefix = slash < 0 ? bits : Integer.parseInt(trimmed.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' has a bad prefix length", e);
    }
    return new IpRange(network, prefix);
  }

  public boolean contains(InetAddress address) {
    byte[] range = network.getAddress();
    byte[] candidate = address.getAddress();
    if (range.length != candidate.length) {
      return false;
    }
    int fullBytes = prefixLength / 8;
    for (int i = 0; i < fullBytes; i++) {
      if (range[i] != candidate[i]) {
        return false;
      }
    }
    int remainingBits = prefixLength % 8;
    if (remainingBits == 0) {
      return true;
    }
    int mask = 0xff << (8 - remainingBits) & 0xff;
    return (range[fullBytes] & mask) == (candidate[fullBytes] & mask);
  }
}
