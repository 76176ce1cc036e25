package dev.sextant.query.web;

import dev.sextant.query.access.OutOfScopeException;
import dev.sextant.query.engine.ResultTooLargeException;
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
      SegmentController.class
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
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setType(URI.create("https://sextant.dev/problems/invalid-query"));
    problem.setTitle("Invalid query");
    return problem;
  }

  /** An analyst's request reads events outside their business lines. */
  @ExceptionHandler
  ProblemDetail outOfScope(OutOfScopeException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    problem.setType(URI.create("https://sextant.dev/problems/out-of-scope"));
    problem.setTitle("Outside your business lines");
    problem.setProperty("events", e.events());
    return problem;
  }

  @ExceptionHandler
  ProblemDetail notFound(SegmentNotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setType(URI.create("https://sextant.dev/problems/segment-not-found"));
    problem.setTitle("Not found");
    return problem;
  }

  @ExceptionHandler
  ProblemDetail noProfile(ProfileNotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setType(URI.create("https://sextant.dev/problems/profile-not-found"));
    problem.setTitle("No profile");
    return problem;
  }

  @ExceptionHandler
  ProblemDetail replayUnavailable(ReplayUnavailableException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_IMPLEMENTED, e.getMessage());
    problem.setType(URI.create("https://sextant.dev/problems/replay-unavailable"));
    problem.setTitle("Replay not available here");
    return problem;
  }

  @ExceptionHandler
  ProblemDetail replayForbidden(ReplayForbiddenException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    problem.setType(URI.create("https://sextant.dev/problems/forbidden"));
    problem.setTitle("Forbidden");
    return problem;
  }

  @ExceptionHandler
  ProblemDetail noItem(ItemNotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setType(URI.create("https://sextant.dev/problems/item-not-found"));
    problem.setTitle("No item");
    return problem;
  }

  @ExceptionHandler
  ProblemDetail tooLarge(ResultTooLargeException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_CONTENT,
            e.getMessage() + "; group by fewer or coarser properties, or cover less time");
    problem.setType(URI.create("https://sextant.dev/problems/result-too-large"));
    problem.setTitle("Result too large");
    problem.setProperty("limit", e.limit());
    return problem;
  }

  @ExceptionHandler
  ProblemDetail timeout(QueryTimeoutException e) {
    log.warn("analysis stopped: {}", e.getMessage());
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.GATEWAY_TIMEOUT,
            e.getMessage()
                + "; narrow the date range or the events, or raise sextant.query.timeout");
    problem.setType(URI.create("https://sextant.dev/problems/query-timeout"));
    problem.setTitle("Analysis timed out");
    return problem;
  }
}
