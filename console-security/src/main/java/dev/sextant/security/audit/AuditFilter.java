package dev.sextant.security.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every audited request ({@link AuditedRequests}) once it has been answered, with who made
 * it and the status it got, so that denied attempts are on record too. Sits in the security chain
 * after authentication and before access is decided.
 */
public final class AuditFilter extends OncePerRequestFilter {

  private final AuditLog log;
  private final Clock clock;

  public AuditFilter(AuditLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<AuditedRequests.Audited> audited =
        AuditedRequests.match(
            request.getMethod(),
            request.getRequestURI().substring(request.getContextPath().length()));
    if (audited.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    // The actor is read before the chain runs: signing out or a password change may clear it.
    String actor = actor();
    try {
      chain.doFilter(request, response);
    } finally {
      AuditedRequests.Audited what = audited.get();
      log.record(
          new AuditEntry(
              0,
              clock.instant(),
              actor,
              what.action(),
              what.project(),
              what.subject(),
              response.getStatus(),
              null));
    }
  }

  private static String actor() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null ? "anonymous" : authentication.getName();
  }
}
