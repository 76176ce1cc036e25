package dev.sextant.security.signin;

import dev.sextant.security.audit.AuditAction;
import dev.sextant.security.audit.AuditEntry;
import dev.sextant.security.audit.AuditLog;
import dev.sextant.security.users.ConsoleUserStorage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the console's session API answers: JSON and problem JSON instead of the redirects and login
 * pages Spring Security gives browsers by default, plus throttling and audit of sign-ins.
 */
public final class SignInHandlers
    implements AuthenticationSuccessHandler,
        AuthenticationFailureHandler,
        AuthenticationEntryPoint,
        AccessDeniedHandler {

  public static final String SESSION_PATH = "/api/v1/session";

  /** The session attribute holding when the session signed in; see {@link AccountStateFilter}. */
  static final String SIGNED_IN_AT = "sextant.signedInAt";

  private final ConsoleUserStorage users;
  private final SignInThrottles throttles;
  private final AuditLog audit;
  private final ProblemResponses problems;
  private final JsonMapper json;
  private final Clock clock;

  public SignInHandlers(
      ConsoleUserStorage users,
      SignInThrottles throttles,
      AuditLog audit,
      ProblemResponses problems,
      JsonMapper json,
      Clock clock) {
    this.users = users;
    this.throttles = throttles;
    this.audit = audit;
    this.problems = problems;
    this.json = json;
    this.clock = clock;
  }

  static boolean isSignIn(HttpServletRequest request) {
    return "POST".equals(request.getMethod())
        && SESSION_PATH.equals(
            request.getRequestURI().substring(request.getContextPath().length()));
  }

  static String attemptedUsername(HttpServletRequest request) {
    String username = request.getParameter("username");
    return username == null ? "" : username.strip();
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    throttles.succeeded(authentication.getName());
    request.getSession().setAttribute(SIGNED_IN_AT, clock.instant());
    audit.record(
        new AuditEntry(
            0,
            clock.instant(),
            authentication.getName(),
            AuditAction.SIGNED_IN,
            null,
            null,
            200,
            "from " + request.getRemoteAddr()));
    renderCsrfToken(request);
    SessionView view =
        users.find(authentication.getName()).map(SessionView::of).orElse(SessionView.ANONYMOUS);
    response.setStatus(200);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(json.writeValueAsString(view));
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    String username = attemptedUsername(request);
    throttles.failed(username, request.getRemoteAddr());
    audit.record(
        new AuditEntry(
            0,
            clock.instant(),
            username,
            AuditAction.SIGN_IN_FAILED,
            null,
            null,
            401,
            "from " + request.getRemoteAddr()));
    problems.write(
        response, HttpStatus.UNAUTHORIZED, "sign-in-failed", "wrong username or password");
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    problems.write(
        response,
        HttpStatus.UNAUTHORIZED,
        "unauthenticated",
        "sign in first: POST " + SESSION_PATH + " with username and password");
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    if (denied instanceof CsrfException) {
      problems.write(
          response,
          HttpStatus.FORBIDDEN,
          "csrf-token-missing",
          "send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header");
      return;
    }
    problems.write(
        response,
        HttpStatus.FORBIDDEN,
        "forbidden",
        "your role may not " + request.getMethod() + " " + request.getRequestURI());
  }

  /** Loading the deferred token makes the cookie repository send the XSRF-TOKEN cookie. */
  static void renderCsrfToken(HttpServletRequest request) {
    if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
      token.getToken();
    }
  }
}
