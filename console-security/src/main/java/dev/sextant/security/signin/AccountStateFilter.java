package dev.sextant.security.signin;

import dev.sextant.security.users.ConsoleUser;
import dev.sextant.security.users.ConsoleUserStorage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a session in step with its account, on every request: a user disabled, given another role,
 * or whose password was changed elsewhere is signed out at once rather than when the session
 * expires; a user who must change their password may do only that.
 */
public final class AccountStateFilter extends OncePerRequestFilter {

  private final ConsoleUserStorage users;
  private final ProblemResponses problems;

  public AccountStateFilter(ConsoleUserStorage users, ProblemResponses problems) {
    this.users = users;
    this.problems = problems;
  }

  /** Only the APIs: the console's files and the collector do not depend on an account's state. */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !path.startsWith("/api/") || path.startsWith("/api/v1/events");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || authentication instanceof AnonymousAuthenticationToken
        || SignInHandlers.isSignIn(request)) {
      chain.doFilter(request, response);
      return;
    }
    Optional<ConsoleUser> user = users.find(authentication.getName());
    if (user.isEmpty() || !stillValid(user.get(), authentication, request.getSession(false))) {
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      SecurityContextHolder.clearContext();
      problems.write(
          response,
          HttpStatus.UNAUTHORIZED,
          "session-ended",
          "the account changed since you signed in; sign in again");
      return;
    }
    if (user.get().mustChangePassword() && !mayUseBeforePasswordChange(request)) {
      problems.write(
          response,
          HttpStatus.FORBIDDEN,
          "password-change-required",
          "choose your own password first: POST " + SignInHandlers.SESSION_PATH + "/password");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean stillValid(
      ConsoleUser user, Authentication authentication, HttpSession session) {
    if (!user.enabled()) {
      return false;
    }
    boolean sameRole =
        authentication.getAuthorities().stream()
            .anyMatch(granted -> user.role().authority().equals(granted.getAuthority()));
    if (!sameRole) {
      return false;
    }
    Object signedInAt = session == null ? null : session.getAttribute(SignInHandlers.SIGNED_IN_AT);
    return signedInAt instanceof Instant at && !user.passwordChangedAt().isAfter(at);
  }

  private static boolean mayUseBeforePasswordChange(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals(SignInHandlers.SESSION_PATH)
        || path.equals(SignInHandlers.SESSION_PATH + "/password");
  }
}
