package dev.sextant.collector.web;

import dev.sextant.collector.kafka.EventDeliveryException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the collector's request-level failures to RFC 9457 problem JSON. */
@RestControllerAdvice(assignableTypes = EventsController.class)
public class CollectorProblems {

  @ExceptionHandler
  ProblemDetail tooMany(TooManyRecordsException e) {
    return problem(
        HttpStatus.CONTENT_TOO_LARGE, "too-many-records", "Too many records in one request", e);
  }

  /** The body was kept in quarantine; the answer says under which id. */
  @ExceptionHandler
  ProblemDetail malformed(MalformedRequestException e) {
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "malformed-payload", "Malformed request body", e);
    problem.setProperty("quarantine_id", e.quarantineId());
    return problem;
  }

  /** Nothing of the request was acknowledged: the sender keeps the records and retries. */
  @ExceptionHandler
  ProblemDetail notDelivered(EventDeliveryException e) {
    return problem(
        HttpStatus.SERVICE_UNAVAILABLE, "events-not-stored", "Events could not be stored", e);
  }

  private static ProblemDetail problem(HttpStatus status, String slug, String title, Exception e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setType(URI.create("https://sextant.dev/problems/" + slug));
    problem.setTitle(title);
    return problem;
  }
}
