package dev.sextant.registry.keys;

/**
 * Which senders a project API key is for. The kind is part of the key's text, so that a key pasted
 * into the wrong place (a secret key in a web page) can be recognised by eye and by secret
 * scanners.
 */
public enum ApiKeyKind {
  /**
   * For apps and web pages: it ships inside them, so it identifies a source but proves nothing.
   * Records sent with it may not be events that the plan says only the back end collects.
   */
  PUBLIC("sx_pub_"),
  /**
   * For back ends only: required for events the plan says the back end collects (deposits,
   * withdrawals, investments, trades).
   */
  SECRET("sx_sec_");

  private final String prefix;

  ApiKeyKind(String prefix) {
    this.prefix = prefix;
  }

  /** How every key of this kind begins. */
  public String prefix() {
    return prefix;
  }
}
