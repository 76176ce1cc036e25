package dev.sextant.testsupport.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small JSON-over-HTTP client for tests that talk to a running Sextant service the way a user
 * would (curl-like), without Spring's test slices in between.
 */
public final class JsonHttp {

  /** A response: status and the parsed JSON body (a missing node when the body is empty). */
  public record Response(int status, JsonNode body, String contentType) {}

  private final URI baseUrl;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final JsonMapper json = JsonMapper.builder().build();

  public JsonHttp(URI baseUrl) {
    this.baseUrl = baseUrl;
  }

  public static JsonHttp onLocalPort(int port) {
    return new JsonHttp(URI.create("http://127.0.0.1:" + port));
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

  public Response put(String path, String jsonBody) {
    return send(
        HttpRequest.newBuilder(baseUrl.resolve(path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(jsonBody)));
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
}
