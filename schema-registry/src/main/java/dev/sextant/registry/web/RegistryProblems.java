package dev.sextant.registry.web;

import dev.sextant.registry.storage.PlanVersionConflictException;
import dev.sextant.registry.storage.TrackingPlanNotFoundException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the registry's failures to RFC 9457 problem JSON, in one place. */
@RestControllerAdvice(assignableTypes = TrackingPlanController.class)
public class RegistryProblems {

  static final String TYPE_BASE = "https://sextant.dev/problems/";

  @ExceptionHandler
  ProblemDetail notFound(TrackingPlanNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "tracking-plan-not-found", "No tracking plan", e);
  }

  @ExceptionHandler
  ProblemDetail conflict(PlanVersionConflictException e) {
    ProblemDetail problem =
        problem(HttpStatus.CONFLICT, "plan-version-conflict", "Tracking plan changed meanwhile", e);
    problem.setProperty("expected_version", e.expectedVersion());
    return problem;
  }

  @ExceptionHandler
  ProblemDetail invalid(IllegalArgumentException e) {
    return problem(HttpStatus.BAD_REQUEST, "invalid-tracking-plan", "Invalid tracking plan", e);
  }

  private static ProblemDetail problem(HttpStatus status, String slug, String title, Exception e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setType(URI.create(TYPE_BASE + slug));
    problem.setTitle(title);
    return problem;
  }
}
