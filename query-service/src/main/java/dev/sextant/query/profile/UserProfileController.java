package dev.sextant.query.profile;

import dev.sextant.event.profile.Profile;
import dev.sextant.store.EventStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's latest profile (用户属性), looked up by any of the user's ids: the updates sent under the
 * login id and under the anonymous ids linked to it, folded in the order they happened.
 */
@RestController
public class UserProfileController {

  private final EventStore store;

  public UserProfileController(EventStore store) {
    this.store = store;
  }

  @GetMapping("/api/v1/projects/{project}/users/{distinctId}/profile")
  public UserProfile profile(@PathVariable String project, @PathVariable String distinctId) {
    List<String> userIds = store.findUserIds(project, distinctId);
    Profile profile =
        store
            .findProfile(project, userIds)
            .orElseThrow(() -> new ProfileNotFoundException(project, distinctId));
    return new UserProfile(
        userIds.getFirst(), userIds, new TreeMap<>(profile.properties()), profile.updatedAt());
  }

  /**
   * The answer.
   *
   * @param userId the user the asked id belongs to: the login id it is linked to, else itself
   * @param distinctIds every id of that user whose updates make the profile: {@code userId}, then
   *     its linked anonymous ids
   * @param properties the profile's properties, by name
   * @param updatedAt the time of the last update applied
   */
  public record UserProfile(
      String userId, List<String> distinctIds, Map<String, Object> properties, Instant updatedAt) {}
}
