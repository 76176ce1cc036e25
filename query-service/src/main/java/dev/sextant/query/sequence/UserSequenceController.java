package dev.sextant.query.sequence;

import dev.sextant.event.TrackedEvent;
import dev.sextant.registry.plan.EventDefinition;
import dev.sextant.registry.plan.ProjectSettings;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.storage.PlanStorage;
import dev.sextant.store.EventStore;
import dev.sextant.store.UserEventQuery;
import java.time.Instant;
import java.time.ZoneId;
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
 * tracking plan: what customer service reads to see what a user did, filtered by event names and
 * time and paged back through a long history with an opaque cursor. Looked up by any of the user's
 * ids, it shows the events of all of them: the login id's and those of the anonymous ids linked to
 * it (sent before signing up), as analyses count them.
 */
@RestController
public class UserSequenceController {

  private final EventStore store;
  private final PlanStorage plans;

  public UserSequenceController(EventStore store, PlanStorage plans) {
    this.store = store;
    this.plans = plans;
  }

  /**
   * A page of the user's events, newest first ({@code docs/query-api.md}).
   *
   * @param events the event names to show (repeated or comma-separated); none for every event
   * @param from an instant, or a date in the project's zone (from its start); optional
   * @param to an instant (exclusive), or a date in the project's zone (to its end); optional
   * @param before the previous page's {@code next_before}; none for the newest events
   * @param limit the page size, 1 to 1000
   */
  @GetMapping("/api/v1/projects/{project}/users/{distinctId}/events")
  public UserSequence events(
      @PathVariable String project,
      @PathVariable String distinctId,
      @RequestParam(required = false) List<String> events,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String before,
      @RequestParam(defaultValue = "" + SequenceQuery.DEFAULT_LIMIT) int limit) {
    Optional<TrackingPlan> plan = plans.find(project);
    SequenceQuery query = SequenceQuery.read(events, from, to, before, limit, zoneOf(plan));
    List<String> userIds = store.findUserIds(project, distinctId);
    List<TrackedEvent> found = store.findUserEvents(project, query.forUser(userIds));
    List<TrackedEvent> page = found.subList(0, Math.min(found.size(), query.limit()));
    String nextBefore =
        found.size() > query.limit()
            ? SequenceQuery.cursorAfter(
                new UserEventQuery.Position(page.getLast().time(), page.getLast().insertId()))
            : null;
    Map<String, Object> profile =
        store.findProfile(project, userIds).map(p -> sorted(p.properties())).orElse(null);
    return new UserSequence(
        project,
        distinctId,
        userIds.getFirst(),
        userIds,
        profile,
        page.stream().map(event -> UserEvent.of(event, plan)).toList(),
        nextBefore);
  }

  private static ZoneId zoneOf(Optional<TrackingPlan> plan) {
    return ZoneId.of(
        plan.map(TrackingPlan::settings)
            .map(ProjectSettings::timeZone)
            .orElse(ProjectSettings.DEFAULT_TIME_ZONE));
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
   * @param events the page, newest first (by time, then descending insert id)
   * @param nextBefore the cursor of the next (older) page; null when this is the last
   */
  public record UserSequence(
      String project,
      String distinctId,
      String userId,
      List<String> distinctIds,
      Map<String, Object> profile,
      List<UserEvent> events,
      String nextBefore) {}

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
