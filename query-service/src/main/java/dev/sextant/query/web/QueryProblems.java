package dev.sextant.query.web;

import dev.sextant.query.quarantine.QuarantineController;
import dev.sextant.query.sequence.UserSequenceController;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the query API's failures to RFC 9457 problem JSON. */
@RestControllerAdvice(assignableTypes = {UserSequenceController.class, QuarantineController.class})
public class QueryProblems {

  @ExceptionHandler
  ProblemDetail badRequest(IllegalArgumentException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setType(URI.create("https://sextant.dev/problems/invalid-query"));
    problem.setTitle("Invalid query");
    return problem;
  }
}
