package dev.sextant.security.signin;

import dev.sextant.security.users.ConsoleUsers;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's session: who is signed in ({@code GET /api/v1/session}, which also hands out the
 * CSRF cookie) and changing one's own password. Signing in ({@code POST}, form fields {@code
 * username} and {@code password}) and out ({@code DELETE}) are handled by the security chain.
 */
@RestController
public class SessionController {

  /** A password change: the current password proves it is the user. */
  public record PasswordChange(String currentPassword, String newPassword) {}

  private final ConsoleUsers users;
  private final Clock clock;

  public SessionController(ConsoleUsers users, Clock clock) {
    this.users = users;
    this.clock = clock;
  }

  @GetMapping(SignInHandlers.SESSION_PATH)
  public SessionView session(Principal principal, HttpServletRequest request) {
    // Reading the token makes the cookie repository send it with this answer. Taken from the
    // request rather than as a parameter, so the OpenAPI document does not list it as a query one.
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    if (csrf != null) {
      csrf.getToken();
    }
    if (principal == null) {
      return SessionView.ANONYMOUS;
    }
    return SessionView.of(users.find(principal.getName()));
  }

  @PostMapping(SignInHandlers.SESSION_PATH + "/password")
  public ResponseEntity<SessionView> changePassword(
      Principal principal, @RequestBody PasswordChange change, HttpServletRequest request) {
    var changed =
        users.changePassword(principal.getName(), change.currentPassword(), change.newPassword());
    // This session stays signed in (others of the same user end: see AccountStateFilter), under a
    // new id, as after signing in.
    request.changeSessionId();
    request.getSession().setAttribute(SignInHandlers.SIGNED_IN_AT, clock.instant());
    return ResponseEntity.ok(SessionView.of(changed));
  }
}
