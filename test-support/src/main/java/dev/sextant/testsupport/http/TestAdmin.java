package dev.sextant.testsupport.http;

/**
 * The first console admin of a service started by a test: its password is configured (as an
 * operator would from a secret) instead of generated, so that the test can sign in.
 */
public final class TestAdmin {

  public static final String USERNAME = "admin";
  public static final String PASSWORD = "tests-Passw0rd-not-for-production";

  /** The command-line argument that sets the first admin's password. */
  public static final String ARGUMENT = "--sextant.security.initial-admin-password=" + PASSWORD;

  private TestAdmin() {}

  /**
   * Issues a project API key through the admin API, as an operator would for an app ({@code
   * public}) or a back end ({@code secret}), and answers its text.
   */
  public static String newKey(JsonHttp admin, String project, String kind) {
    JsonHttp.Response created =
        admin.post(
            "/api/v1/projects/" + project + "/keys",
            "{\"kind\":\"" + kind + "\",\"name\":\"test " + kind + " key\"}");
    if (created.status() != 201) {
      throw new AssertionError("could not issue a " + kind + " key: " + created);
    }
    return created.body().get("key").asString();
  }

  /** A client of the service on this port, signed in as the first admin. */
  public static JsonHttp signedIn(int port) {
    return JsonHttp.onLocalPort(port).signedInAs(USERNAME, PASSWORD);
  }
}
