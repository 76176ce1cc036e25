package dev.sextant.security.signin;

import dev.sextant.security.audit.AuditAction;
import dev.sextant.security.audit.AuditEntry;
import dev.sextant.security.audit.AuditLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses a sign-in with 429 while its username or its client address is throttled. */
public final class LoginThrottleFilter extends OncePerRequestFilter {

  private final SignInThrottles throttles;
  private final ProblemResponses problems;
  private final AuditLog audit;
  private final Clock clock;

  public LoginThrottleFilter(
      SignInThrottles throttles, ProblemResponses problems, AuditLog audit, Clock clock) {
    this.throttles = throttles;
    this.problems = problems;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !SignInHandlers.isSignIn(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String username = SignInHandlers.attemptedUsername(request);
    Optional<Duration> wait = throttles.retryAfter(username, request.getRemoteAddr());
    if (wait.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    long seconds = Math.max(1, wait.get().toSeconds() + (wait.get().toNanosPart() > 0 ? 1 : 0));
    audit.record(
        new AuditEntry(
            0,
            clock.instant(),
            username,
            AuditAction.SIGN_IN_THROTTLED,
            null,
            null,
            HttpStatus.TOO_MANY_REQUESTS.value(),
            "from " + request.getRemoteAddr()));
    response.setHeader("Retry-After", Long.toString(seconds));
    problems.write(
        response,
        HttpStatus.TOO_MANY_REQUESTS,
        "sign-in-throttled",
        "too many failed sign-ins; try again in " + seconds + " s");
  }
}
