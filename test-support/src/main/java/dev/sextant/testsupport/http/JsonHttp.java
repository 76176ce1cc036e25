package dev.sextant.testsupport.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small JSON-over-HTTP client for tests that talk to a running Sextant service the way a user
 * would (curl-like), without Spring's test slices in between. It keeps cookies like a browser:
 * after {@link #signIn} its requests carry the console session and, on unsafe methods, the CSRF
 * token the console's JavaScript would send.
 */
public final class JsonHttp {

  /** A response: status and the parsed JSON body (a missing node when the body is empty). */
  public record Response(int status, JsonNode body, String contentType) {}

  private final URI baseUrl;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).cookieHandler(cookies).build();
  private final JsonMapper json = JsonMapper.builder().build();

  public JsonHttp(URI baseUrl) {
    this.baseUrl = baseUrl;
  }

  public static JsonHttp onLocalPort(int port) {
    return new JsonHttp(URI.create("http://127.0.0.1:" + port));
  }

  /**
   * Signs in to the console as a browser would: reads the session (which hands out the CSRF
   * cookie), then posts the sign-in form with the token.
   *
   * @return the sign-in answer (200 with the session, or a problem)
   */
  public Response signIn(String username, String password) {
    get("/api/v1/session");
    String form =
        "username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return send(
        HttpRequest.newBuilder(baseUrl.resolve("/api/v1/session"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /**
   * Signs in and fails the test unless it worked.
   *
   * @return this client, signed in
   */
  public JsonHttp signedInAs(String username, String password) {
    Response answer = signIn(username, password);
    if (answer.status() != 200) {
      throw new AssertionError("could not sign in as " + username + ": " + answer);
    }
    return this;
  }

  /** A POST as a forged cross-site form would send it: the session cookie, but no CSRF header. */
  public Response postWithoutCsrfToken(String path, String jsonBody) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(baseUrl.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(jsonBody));
    return send(request, false);
  }

  /** Forgets the session and CSRF cookies, as a new browser would. */
  public void forgetCookies() {
    cookies.getCookieStore().removeAll();
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(baseUrl.resolve(path)).GET());
  }

  public Response post(String path, String jsonBody) {
    return send(
        HttpRequest.newBuilder(baseUrl.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
  }

  /** A POST with a project API key, as a back end or an app sends events to the collector. */
  public Response postWithKey(String path, String apiKey, String jsonBody) {
    return send(
        HttpRequest.newBuilder(baseUrl.resolve(path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + apiKey)
            .POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
  }

  public Response put(String path, String jsonBody) {
    return send(
        HttpRequest.newBuilder(baseUrl.resolve(path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(jsonBody)));
  }

  /** A POST of a non-JSON body (YAML, CSV); answers the status. */
  public int postText(String path, String contentType, String body) {
    return send(HttpRequest.newBuilder(baseUrl.resolve(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)))
        .status();
  }

  public Response delete(String path) {
    return send(HttpRequest.newBuilder(baseUrl.resolve(path)).DELETE());
  }

  /** The raw body of a GET, for pages that are not JSON. */
  public String getText(String path) {
    try {
      return client
          .send(
              HttpRequest.newBuilder(baseUrl.resolve(path))
                  .timeout(Duration.ofSeconds(30))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Response send(HttpRequest.Builder request) {
    return send(request, true);
  }

  private Response send(HttpRequest.Builder request, boolean withCsrfToken) {
    if (withCsrfToken) {
      csrfToken().ifPresent(token -> request.setHeader("X-XSRF-TOKEN", token));
    }
    try {
      HttpResponse<String> response =
          client.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode body =
          response.body().isEmpty() ? json.missingNode() : json.readTree(response.body());
      return new Response(
          response.statusCode(), body, response.headers().firstValue("Content-Type").orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The CSRF token the server last handed out in the {@code XSRF-TOKEN} cookie. */
  public java.util.Optional<String> csrfToken() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .findFirst();
  }
}
