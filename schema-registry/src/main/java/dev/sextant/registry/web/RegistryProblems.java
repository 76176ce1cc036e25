package dev.sextant.registry.web;

import dev.sextant.registry.document.PlanDocumentException;
import dev.sextant.registry.keys.ApiKeyNotFoundException;
import dev.sextant.registry.keys.ApiKeyRevokedException;
import dev.sextant.registry.rules.PlanRejectedException;
import dev.sextant.registry.storage.PlanVersionConflictException;
import dev.sextant.registry.storage.PlanVersionNotFoundException;
import dev.sextant.registry.storage.TrackingPlanNotFoundException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps the registry's failures to RFC 9457 problem JSON, in one place. Problems about a plan carry
 * an {@code errors} list of {@code {path, code, message}}, one per broken rule.
 */
@RestControllerAdvice(
    assignableTypes = {
      TrackingPlanController.class,
      PlanHistoryController.class,
      SampleEventController.class,
      ApiKeyController.class
    })
public class RegistryProblems {

  static final String TYPE_BASE = "https://sextant.dev/problems/";

  @ExceptionHandler
  ProblemDetail notFound(TrackingPlanNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "tracking-plan-not-found", "No tracking plan", e);
  }

  @ExceptionHandler
  ProblemDetail versionNotFound(PlanVersionNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "plan-version-not-found", "No such plan version", e);
  }

  @ExceptionHandler
  ProblemDetail conflict(PlanVersionConflictException e) {
    ProblemDetail problem =
        problem(HttpStatus.CONFLICT, "plan-version-conflict", "Tracking plan changed meanwhile", e);
    problem.setProperty("expected_version", e.expectedVersion());
    return problem;
  }

  @ExceptionHandler
  ProblemDetail rejected(PlanRejectedException e) {
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "invalid-tracking-plan", "Invalid tracking plan", e);
    problem.setProperty(
        "errors",
        e.violations().stream()
            .map(v -> Map.of("path", v.path(), "code", v.code().name(), "message", v.message()))
            .toList());
    return problem;
  }

  @ExceptionHandler
  ProblemDetail unreadable(PlanDocumentException e) {
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "unreadable-plan-document", "Unreadable plan document", e);
    problem.setProperty(
        "errors",
        List.of(
            Map.of("path", e.path(), "code", "UNREADABLE_DOCUMENT", "message", e.getMessage())));
    return problem;
  }

  @ExceptionHandler
  ProblemDetail keyNotFound(ApiKeyNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "api-key-not-found", "No such API key", e);
  }

  @ExceptionHandler
  ProblemDetail keyRevoked(ApiKeyRevokedException e) {
    return problem(HttpStatus.CONFLICT, "api-key-not-active", "API key no longer works", e);
  }

  @ExceptionHandler
  ProblemDetail invalid(IllegalArgumentException e) {
    return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e);
  }

  private static ProblemDetail problem(HttpStatus status, String slug, String title, Exception e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setType(URI.create(TYPE_BASE + slug));
    problem.setTitle(title);
    return problem;
  }
}
