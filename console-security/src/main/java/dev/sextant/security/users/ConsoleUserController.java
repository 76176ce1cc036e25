package dev.sextant.security.users;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Console users, for admins: list, create, change role, scope, password or enablement. */
@RestController
@RequestMapping("/api/v1/admin/users")
public class ConsoleUserController {

  /** A user as admins see them: never the password hash. */
  public record UserView(
      String username,
      Role role,
      Set<String> businessLines,
      boolean mustChangePassword,
      boolean enabled,
      Instant createdAt,
      Instant passwordChangedAt) {

    static UserView of(ConsoleUser user) {
      return new UserView(
          user.username(),
          user.role(),
          user.sortedBusinessLines(),
          user.mustChangePassword(),
          user.enabled(),
          user.createdAt(),
          user.passwordChangedAt());
    }
  }

  /** A new user; the password is temporary: they choose their own at the first sign-in. */
  public record NewUser(String username, String password, Role role, Set<String> businessLines) {}

  /**
   * A change to a user; a {@code password} sets a temporary one (the user must change it), the
   * other fields replace the current values.
   */
  public record UserChange(
      Role role, Set<String> businessLines, Boolean enabled, String password) {}

  private final ConsoleUsers users;

  public ConsoleUserController(ConsoleUsers users) {
    this.users = users;
  }

  @GetMapping
  public List<UserView> all() {
    return users.all().stream().map(UserView::of).toList();
  }

  @PostMapping
  public ResponseEntity<UserView> create(@RequestBody NewUser user) {
    if (user.role() == null) {
      throw new InvalidAccountException("role", "a user needs a role");
    }
    ConsoleUser created =
        users.create(user.username(), user.password(), user.role(), user.businessLines(), true);
    return ResponseEntity.created(URI.create("/api/v1/admin/users/" + created.username()))
        .body(UserView.of(created));
  }

  @PutMapping("/{username}")
  public UserView change(@PathVariable String username, @RequestBody UserChange change) {
    ConsoleUser current = users.find(username);
    ConsoleUser changed =
        users.changeAccess(
            username,
            change.role() == null ? current.role() : change.role(),
            change.businessLines() == null ? current.businessLines() : change.businessLines(),
            change.enabled() == null ? current.enabled() : change.enabled());
    if (change.password() != null) {
      changed = users.resetPassword(username, change.password());
    }
    return UserView.of(changed);
  }
}
