package dev.sextant.security;

import dev.sextant.security.audit.AuditController;
import dev.sextant.security.signin.ProblemResponses;
import dev.sextant.security.signin.SessionController;
import dev.sextant.security.users.ConsoleUserController;
import dev.sextant.security.users.InvalidAccountException;
import dev.sextant.security.users.UserNotFoundException;
import dev.sextant.security.users.UsernameTakenException;
import dev.sextant.security.users.WrongPasswordException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The console-security API's failures as RFC 9457 problem JSON, mapped in one place. */
@RestControllerAdvice(
    assignableTypes = {ConsoleUserController.class, SessionController.class, AuditController.class})
public class SecurityProblems {

  @ExceptionHandler(InvalidAccountException.class)
  ProblemDetail invalid(InvalidAccountException e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-account", e.getMessage());
    problem.setProperty(
        "errors", java.util.List.of(Map.of("path", e.field(), "message", e.getMessage())));
    return problem;
  }

  @ExceptionHandler(UsernameTakenException.class)
  ProblemDetail taken(UsernameTakenException e) {
    return problem(HttpStatus.CONFLICT, "username-taken", e.getMessage());
  }

  @ExceptionHandler(UserNotFoundException.class)
  ProblemDetail notFound(UserNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "user-not-found", e.getMessage());
  }

  @ExceptionHandler(WrongPasswordException.class)
  ProblemDetail wrongPassword(WrongPasswordException e) {
    return problem(HttpStatus.BAD_REQUEST, "wrong-password", e.getMessage());
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail badRequest(IllegalArgumentException e) {
    return problem(HttpStatus.BAD_REQUEST, "bad-request", e.getMessage());
  }

  private static ProblemDetail problem(HttpStatus status, String type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(ProblemResponses.TYPE_BASE + type));
    problem.setTitle(status.getReasonPhrase());
    return problem;
  }
}
