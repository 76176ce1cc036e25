package dev.sextant.testsupport.clickhouse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The few HTTP calls the extension itself needs (ping, create and drop a database). Test support
 * cannot use the event store's client: that module depends on this one.
 */
record ClickHouseEndpoint(URI baseUrl, String user, String password) {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  /** Whether the server answers {@code GET /ping} with {@code Ok.}; false while it is starting. */
  boolean isUp() {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/ping")).timeout(TIMEOUT).GET().build();
    try {
      HttpResponse<String> response = HTTP.send(request, BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().strip().equals("Ok.");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs a statement; fails with the server's message if it is refused or unreachable. */
  void execute(String sql) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/"))
            .timeout(TIMEOUT)
            .header("X-ClickHouse-User", user)
            .header("X-ClickHouse-Key", password)
            .POST(BodyPublishers.ofString(sql, StandardCharsets.UTF_8))
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "ClickHouse at " + baseUrl + " refused `" + sql + "`: " + response.body().strip());
      }
    } catch (IOException e) {
      throw new IllegalStateException("ClickHouse at " + baseUrl + " is unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running `" + sql + "`", e);
    }
  }

  @Override
  public String toString() {
    return "ClickHouseEndpoint[" + baseUrl + ", user=" + user + "]";
  }
}
