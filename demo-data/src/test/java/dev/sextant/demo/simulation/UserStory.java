package dev.sextant.demo.simulation;

import dev.sextant.event.TrackedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/** What one simulated user's events say about them, for the tests' funnel and segment checks. */
record UserStory(List<TrackedEvent> events) {

  boolean succeeded(String event) {
    return first(e -> e.event().equals(event) && "success".equals(e.properties().get("result")))
        != null;
  }

  boolean did(String event) {
    return first(e -> e.event().equals(event)) != null;
  }

  boolean didBetween(String event, Instant from, Instant until) {
    return first(
            e -> e.event().equals(event) && !e.time().isBefore(from) && e.time().isBefore(until))
        != null;
  }

  /** The time of the first of the events at or after {@code from} and before {@code until}. */
  Instant firstBetween(List<String> names, Instant from, Instant until) {
    TrackedEvent found =
        first(
            e -> names.contains(e.event()) && !e.time().isBefore(from) && e.time().isBefore(until));
    return found == null ? null : found.time();
  }

  boolean viewedPageBefore(String page, Instant until) {
    return first(e ->
        (e.event().equals("$AppViewScreen") || e.event().equals("$pageview"))
            && page.equals(e.properties().get("page_id"))
            && e.time().isBefore(until))
        != null;
  }

  Instant signedUpAt() {
    TrackedEvent signUp =
        first(e -> e.event().equals("SignUp") && "success".equals(e.properties().get("result")));
    return signUp == null ? null : signUp.time();
  }

  boolean receivedPush(String campaign) {
    return first(e ->
        e.event().equals("push_Receive")
            && Objects.equals(campaign, e.properties().get("push_campaign")))
        != null;
  }

  /** The splash theme the user saw, or null for a web user. */
  String splashTheme() {
    TrackedEvent splash = first(e -> "splash".equals(e.properties().get("page_id")));
    return splash == null ? null : (String) splash.properties().get("page_name");
  }

  private TrackedEvent first(Predicate<TrackedEvent> condition) {
    for (TrackedEvent event : events) {
      if (condition.test(event)) {
        return event;
      }
    }
    return null;
  }
}
