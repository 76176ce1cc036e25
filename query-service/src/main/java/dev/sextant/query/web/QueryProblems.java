package dev.sextant.query.web;

import dev.sextant.query.access.OutOfScopeException;
import dev.sextant.query.engine.ResultTooLargeException;
import dev.sextant.query.ingestion.IngestionController;
import dev.sextant.query.item.ItemController;
import dev.sextant.query.item.ItemNotFoundException;
import dev.sextant.query.model.InvalidQueryException;
import dev.sextant.query.profile.ProfileNotFoundException;
import dev.sextant.query.profile.UserProfileController;
import dev.sextant.query.quarantine.QuarantineController;
import dev.sextant.query.quarantine.ReplayForbiddenException;
import dev.sextant.query.quarantine.ReplayUnavailableException;
import dev.sextant.query.segments.SegmentController;
import dev.sextant.query.segments.SegmentNotFoundException;
import dev.sextant.query.sequence.UserSequenceController;
import dev.sextant.store.QueryTimeoutException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the query API's failures to RFC 9457 problem JSON. */
@RestControllerAdvice(
    assignableTypes = {
      UserSequenceController.class,
      UserProfileController.class,
      ItemController.class,
      QuarantineController.class,
      AnalysisController.class,
      SegmentController.class,
      IngestionController.class
    })
public class QueryProblems {

  private static final Logger log = LoggerFactory.getLogger(QueryProblems.class);

  /** A request that breaks a rule: the field it names is in {@code field}. */
  @ExceptionHandler
  ProblemDetail invalidQuery(InvalidQueryException e) {
    ProblemDetail problem = badRequest(e);
    problem.setProperty("field", e.field());
    return problem;
  }

  @ExceptionHandler
  ProblemDetail badRequest(IllegalArgumentException e) {
    return problem(HttpStatus.BAD_REQUEST, "invalid-query", "Invalid query", e.getMessage());
  }

  /** An analyst's request reads events outside their business lines. */
  @ExceptionHandler
  ProblemDetail outOfScope(OutOfScopeException e) {
    ProblemDetail problem =
        problem(
            HttpStatus.FORBIDDEN, "out-of-scope", "Outside your business lines", e.getMessage());
    problem.setProperty("events", e.events());
    return problem;
  }

  @ExceptionHandler
  ProblemDetail notFound(SegmentNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "segment-not-found", "Not found", e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail noProfile(ProfileNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "profile-not-found", "No profile", e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail replayUnavailable(ReplayUnavailableException e) {
    return problem(
        HttpStatus.NOT_IMPLEMENTED,
        "replay-unavailable",
        "Replay not available here",
        e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail replayForbidden(ReplayForbiddenException e) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail noItem(ItemNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "item-not-found", "No item", e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail tooLarge(ResultTooLargeException e) {
    ProblemDetail problem =
        problem(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "result-too-large",
            "Result too large",
            e.getMessage() + "; group by fewer or coarser properties, or cover less time");
    problem.setProperty("limit", e.limit());
    return problem;
  }

  @ExceptionHandler
  ProblemDetail timeout(QueryTimeoutException e) {
    log.warn("analysis stopped: {}", e.getMessage());
    ProblemDetail problem =
        problem(
            HttpStatus.GATEWAY_TIMEOUT,
            "query-timeout",
            "Analysis timed out",
            e.getMessage()
                + "; narrow the date range or the events, or raise sextant.query.timeout");
    return problem;
  }

  private static ProblemDetail problem(
      HttpStatus status, String slug, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("https://sextant.dev/problems/" + slug));
    problem.setTitle(title);
    return problem;
  }
}
