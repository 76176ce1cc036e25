package dev.sextant.server.sensors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sends requests byte for byte as given, the way an SDK does, and keeps the raw answer. */
final class RawHttp {

  /** An answer: status, headers and the body's bytes. */
  record Response(int status, Map<String, String> headers, byte[] body) {

    String header(String name) {
      return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), "");
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonNode json() {
      return JsonMapper.builder().build().readTree(body);
    }
  }

  private final URI base;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  RawHttp(int port) {
    this.base = URI.create("http://127.0.0.1:" + port);
  }

  Response send(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(pathAndQuery))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    try {
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      Map<String, String> received = new LinkedHashMap<>();
      response.headers().map().forEach((name, values) -> received.put(name, values.getFirst()));
      return new Response(response.statusCode(), received, response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Response get(String pathAndQuery, Map<String, String> headers) {
    return send("GET", pathAndQuery, headers, null);
  }

  Response post(String pathAndQuery, Map<String, String> headers, String body) {
    return send("POST", pathAndQuery, headers, body.getBytes(StandardCharsets.UTF_8));
  }
}
