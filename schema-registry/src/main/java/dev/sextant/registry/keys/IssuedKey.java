package dev.sextant.registry.keys;

/**
 * A key just created: the only moment its text is known. It is shown once to whoever created it and
 * never stored; afterwards only {@link ApiKey#hint()} tells it apart.
 *
 * @param key what is kept of it
 * @param secret the key's full text, to be put into the app or the back end
 */
public record IssuedKey(ApiKey key, String secret) {

  @Override
  public String toString() {
    // Never the secret: records end up in logs and exception messages.
    return "IssuedKey[" + key + "]";
  }
}
