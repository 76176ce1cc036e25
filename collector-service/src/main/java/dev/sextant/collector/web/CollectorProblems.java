package dev.sextant.collector.web;

import dev.sextant.collector.access.ApiKeyRefusedException;
import dev.sextant.collector.ingest.EventDeliveryException;
import dev.sextant.collector.ingest.PayloadTooLargeException;
import dev.sextant.collector.ingest.TooManyRecordsException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the collector's request-level failures to RFC 9457 problem JSON. */
@RestControllerAdvice(assignableTypes = {EventsController.class, SensorsController.class})
public class CollectorProblems {

  /** Seconds a client should wait before resending after a 503. */
  static final String RETRY_AFTER_SECONDS = "5";

  @ExceptionHandler
  ProblemDetail tooMany(TooManyRecordsException e) {
    return problem(
        HttpStatus.CONTENT_TOO_LARGE, "too-many-records", "Too many records in one request", e);
  }

  @ExceptionHandler
  ProblemDetail tooLarge(PayloadTooLargeException e) {
    return problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large", e);
  }

  @ExceptionHandler
  ProblemDetail unsupportedEncoding(UnsupportedContentEncodingException e) {
    return problem(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "unsupported-content-encoding",
        "Unsupported Content-Encoding",
        e);
  }

  /**
   * A missing (where required) or unusable API key: nothing of the request was read or kept; the
   * sender fixes its key and resends.
   */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> keyRefused(ApiKeyRefusedException e) {
    boolean missing = e.refusal() == ApiKeyRefusedException.Refusal.MISSING;
    ProblemDetail problem =
        problem(
            HttpStatus.UNAUTHORIZED,
            missing ? "api-key-required" : "invalid-api-key",
            missing ? "API key required" : "API key refused",
            e);
    problem.setProperty("reason", e.refusal().name().toLowerCase(java.util.Locale.ROOT));
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sextant\"")
        .body(problem);
  }

  /** The body was kept in quarantine (unless a dry run); the answer says under which id. */
  @ExceptionHandler
  ProblemDetail malformed(MalformedRequestException e) {
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "malformed-payload", "Malformed request body", e);
    if (e.quarantineId() != null) {
      problem.setProperty("quarantine_id", e.quarantineId());
    }
    return problem;
  }

  /** Past a rate limit: nothing of the request was taken; the sender waits and resends. */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e) {
    ProblemDetail problem =
        problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", e);
    problem.setProperty("retry_after_seconds", e.retryAfter().toSeconds());
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfter().toSeconds()))
        .body(problem);
  }

  /** Nothing of the request was acknowledged: the sender keeps the records and retries. */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> notDelivered(EventDeliveryException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .body(
            problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "events-not-stored",
                "Events could not be stored",
                e));
  }

  private static ProblemDetail problem(HttpStatus status, String slug, String title, Exception e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setType(URI.create("https://sextant.dev/problems/" + slug));
    problem.setTitle(title);
    return problem;
  }
}
