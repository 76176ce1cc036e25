package dev.sextant.registry.keys;

/** No key with that id in that project. */
public final class ApiKeyNotFoundException extends RuntimeException {

  public ApiKeyNotFoundException(String project, String id) {
    super("project '" + project + "' has no API key '" + id + "'");
  }
}
