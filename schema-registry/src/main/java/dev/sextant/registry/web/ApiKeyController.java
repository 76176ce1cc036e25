package dev.sextant.registry.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sextant.registry.keys.ApiKey;
import dev.sextant.registry.keys.ApiKeyKind;
import dev.sextant.registry.keys.IssuedKey;
import dev.sextant.registry.keys.ProjectKeys;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A project's API keys: list, create, rotate, revoke (admins only; audited by console-security). A
 * key's text is in the answer to its creation or rotation and never again, so those answers are not
 * cached.
 */
@RestController
public class ApiKeyController {

  /** How long a rotated key goes on working unless the request says otherwise. */
  static final Duration DEFAULT_GRACE = Duration.ofHours(24);

  private static final String ANONYMOUS = "anonymous";

  private final ProjectKeys keys;
  private final Clock clock;

  public ApiKeyController(ProjectKeys keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  @GetMapping("/api/v1/projects/{project}/keys")
  public List<KeyView> list(@PathVariable String project) {
    Instant now = clock.instant();
    return keys.list(project).stream().map(key -> KeyView.of(key, now, null)).toList();
  }

  @PostMapping("/api/v1/projects/{project}/keys")
  public ResponseEntity<KeyView> create(
      @PathVariable String project, @RequestBody NewKey request, Principal signedIn) {
    IssuedKey issued =
        keys.create(project, request.parsedKind(), request.name(), authorOf(signedIn));
    return issuedAnswer(issued);
  }

  @PostMapping("/api/v1/projects/{project}/keys/{id}/rotate")
  public ResponseEntity<KeyView> rotate(
      @PathVariable String project,
      @PathVariable String id,
      @RequestBody(required = false) Rotation request,
      Principal signedIn) {
    Duration grace =
        request == null || request.graceSeconds() == null
            ? DEFAULT_GRACE
            : Duration.ofSeconds(request.graceSeconds());
    return issuedAnswer(keys.rotate(project, id, grace, authorOf(signedIn)));
  }

  @DeleteMapping("/api/v1/projects/{project}/keys/{id}")
  public KeyView revoke(@PathVariable String project, @PathVariable String id) {
    return KeyView.of(keys.revoke(project, id), clock.instant(), null);
  }

  private ResponseEntity<KeyView> issuedAnswer(IssuedKey issued) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .cacheControl(CacheControl.noStore())
        .body(KeyView.of(issued.key(), clock.instant(), issued.secret()));
  }

  private static String authorOf(Principal signedIn) {
    return signedIn == null ? ANONYMOUS : signedIn.getName();
  }

  /** A request for a new key: {@code kind} is {@code public} or {@code secret}. */
  public record NewKey(String kind, String name) {

    ApiKeyKind parsedKind() {
      if (kind == null) {
        throw new IllegalArgumentException("kind is required: public or secret");
      }
      try {
        return ApiKeyKind.valueOf(kind.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("kind must be public or secret, not '" + kind + "'", e);
      }
    }
  }

  /** How long the old key goes on working after a rotation, in seconds: 0 to 30 days. */
  public record Rotation(Long graceSeconds) {}

  /**
   * A key as the API shows it. {@code key} is its text, present only in the answer that issued it.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record KeyView(
      String id,
      String project,
      String kind,
      String name,
      String hint,
      String status,
      Instant createdAt,
      String createdBy,
      Instant expiresAt,
      Instant revokedAt,
      String key) {

    static KeyView of(ApiKey key, Instant now, String text) {
      return new KeyView(
          key.id(),
          key.project(),
          key.kind().name().toLowerCase(Locale.ROOT),
          key.name(),
          key.hint(),
          key.statusAt(now).name().toLowerCase(Locale.ROOT),
          key.createdAt(),
          key.createdBy(),
          key.expiresAt(),
          key.revokedAt(),
          text);
    }
  }
}
