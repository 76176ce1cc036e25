package dev.sextant.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends batches to the collector's native API ({@code POST /api/v1/events?project=…}, gzip, with
 * the project's secret key: historical data holds back-end events too), so every record goes
 * through the same validation, enrichment and quarantine as live traffic.
 */
public final class CollectorClient implements BatchSender {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI endpoint;
  private final String apiKey;
  private final RetryPolicy retries;

  /**
   * @param baseUrl the collector, or the all-in-one server, e.g. {@code http://localhost:8080}
   * @param apiKey the project's secret key; null to send without one
   */
  public CollectorClient(URI baseUrl, String project, String apiKey) {
    this(baseUrl, project, apiKey, RetryPolicy.DEFAULT);
  }

  CollectorClient(URI baseUrl, String project, String apiKey, RetryPolicy retries) {
    this.endpoint =
        baseUrl.resolve(
            "/api/v1/events?project=" + URLEncoder.encode(project, StandardCharsets.UTF_8));
    this.apiKey = apiKey;
    this.retries = retries;
  }

  @Override
  public BatchOutcome send(List<String> records) {
    byte[] body = gzip("[" + String.join(",", records) + "]");
    for (int attempt = 1; ; attempt++) {
      Optional<String> retryAfter;
      String failure;
      try {
        HttpResponse<String> answer =
            http.send(request(body), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
          return outcomeOf(answer.body(), records.size());
        }
        if (!RetryPolicy.isTransient(answer.statusCode())) {
          throw refused(answer);
        }
        retryAfter = answer.headers().firstValue("Retry-After");
        failure = "HTTP " + answer.statusCode();
      } catch (IOException e) {
        retryAfter = Optional.empty();
        failure = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ImportFailedException("interrupted", e);
      }
      Duration wait =
          retries
              .waitAfter(attempt, retryAfter)
              .orElseThrow(() ->
                  new ImportFailedException(
                      "gave up after "
                          + retries.maxAttempts()
                          + " attempts; the collector at "
                          + endpoint
                          + " did not take the batch"));
      pause(wait, failure);
    }
  }

  private HttpRequest request(byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", "application/json")
            .header("Content-Encoding", "gzip")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (apiKey != null && !apiKey.isBlank()) {
      request.header("Authorization", "Bearer " + apiKey.strip());
    }
    return request.build();
  }

  private static BatchOutcome outcomeOf(String body, int sent) {
    JsonNode answer = JSON.readTree(body);
    long accepted = 0;
    long duplicates = 0;
    Map<String, Long> quarantined = new TreeMap<>();
    for (JsonNode result : answer.get("results")) {
      switch (result.get("status").asString()) {
        case "accepted" -> accepted++;
        case "duplicate" -> duplicates++;
        default -> {
          JsonNode reasons = result.get("reasons");
          String code =
              reasons == null || reasons.isEmpty()
                  ? "UNKNOWN"
                  : reasons.get(0).get("code").asString();
          quarantined.merge(code, 1L, Long::sum);
        }
      }
    }
    BatchOutcome outcome = new BatchOutcome(accepted, duplicates, quarantined);
    if (outcome.records() != sent) {
      throw new ImportFailedException(
          "the collector answered for " + outcome.records() + " records of " + sent);
    }
    return outcome;
  }

  private ImportFailedException refused(HttpResponse<String> answer) {
    String detail = answer.body();
    try {
      JsonNode problem = JSON.readTree(detail);
      if (problem.has("detail")) {
        detail = problem.get("detail").asString();
      }
    } catch (RuntimeException notAProblem) {
      // Not problem JSON (a proxy's page): show the body as it came.
    }
    String hint =
        switch (answer.statusCode()) {
          case 401 -> " (pass the project's secret key with --key or SEXTANT_API_KEY)";
          case 413 -> " (use a smaller --batch-size)";
          default -> "";
        };
    return new ImportFailedException(
        "the collector refused the batch: HTTP " + answer.statusCode() + ": " + detail + hint);
  }

  private static void pause(Duration wait, String failure) {
    System.err.printf("%s; sending the batch again in %d s%n", failure, wait.toSeconds());
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImportFailedException("interrupted", e);
    }
  }

  private static byte[] gzip(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() / 4 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
