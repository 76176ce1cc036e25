package dev.sextant.query.sequence;

import dev.sextant.event.TrackedEvent;
import dev.sextant.registry.plan.EventDefinition;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.storage.PlanStorage;
import dev.sextant.store.EventStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One user's action sequence (个人行为序列), newest first, each event with its display name from the
 * tracking plan: what customer service reads to see what a user did. Looked up by any of the user's
 * ids, it shows the events of all of them: the login id's and those of the anonymous ids linked to
 * it (sent before signing up), as analyses count them.
 */
@RestController
public class UserSequenceController {

  static final int MAX_LIMIT = 1000;

  private final EventStore store;
  private final PlanStorage plans;

  public UserSequenceController(EventStore store, PlanStorage plans) {
    this.store = store;
    this.plans = plans;
  }

  @GetMapping("/api/v1/projects/{project}/users/{distinctId}/events")
  public UserSequence events(
      @PathVariable String project,
      @PathVariable String distinctId,
      @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
    Optional<TrackingPlan> plan = plans.find(project);
    List<String> userIds = store.findUserIds(project, distinctId);
    List<UserEvent> events =
        store.findUserEvents(project, userIds, limit).stream()
            .map(event -> UserEvent.of(event, plan))
            .toList();
    Map<String, Object> profile =
        store.findProfile(project, userIds).map(p -> sorted(p.properties())).orElse(null);
    return new UserSequence(project, distinctId, userIds.getFirst(), userIds, profile, events);
  }

  private static Map<String, Object> sorted(Map<String, Object> properties) {
    return new TreeMap<>(properties);
  }

  /**
   * The answer.
   *
   * @param distinctId the id asked for
   * @param userId the user it belongs to, as analyses count it: the login id it is linked to, else
   *     itself
   * @param distinctIds every id of that user: {@code userId}, then its linked anonymous ids
   * @param profile the user's latest profile properties, by name; null when the user has none
   */
  public record UserSequence(
      String project,
      String distinctId,
      String userId,
      List<String> distinctIds,
      Map<String, Object> profile,
      List<UserEvent> events) {}

  /** One event as customer service sees it, with the id it was sent under. */
  public record UserEvent(
      String event,
      String displayName,
      String distinctId,
      Instant time,
      String insertId,
      Map<String, Object> properties) {

    static UserEvent of(TrackedEvent event, Optional<TrackingPlan> plan) {
      String displayName =
          plan.flatMap(p -> p.event(event.event()))
              .map(EventDefinition::displayName)
              .orElse(event.event());
      return new UserEvent(
          event.event(),
          displayName,
          event.distinctId(),
          event.time(),
          event.insertId(),
          event.properties());
    }
  }
}
