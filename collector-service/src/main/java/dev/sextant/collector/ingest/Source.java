package dev.sextant.collector.ingest;

/** Who sent a request, as far as its API key proves it. */
public enum Source {
  /** No key: an app or web page of a project that does not require keys, or anyone at all. */
  UNIDENTIFIED,
  /** The project's public key: an app or web page; it proves nothing, as it ships with them. */
  PUBLIC_KEY,
  /** The project's secret key: one of the project's back ends. */
  SECRET_KEY;

  /** Whether records the plan says only the back end collects are taken from this source. */
  public boolean isBackEnd() {
    return this == SECRET_KEY;
  }
}
