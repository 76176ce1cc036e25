package dev.sextant.query.conformance;

import dev.sextant.event.TrackedEvent;
import dev.sextant.store.ColumnType;
import dev.sextant.store.PropertyTypes;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A random but reproducible event store for the conformance suite: few users and event names, times
 * on a coarse grid (so many events share a millisecond), around the US daylight-saving change of
 * 2026-03-08, with every property type and missing values, and signups that link anonymous ids with
 * events before and after their link ({@link #signups}).
 */
final class GeneratedEvents {

  /** The property columns of the generated project. */
  static final Map<String, ColumnType> TYPES =
      Map.of(
          "$os", ColumnType.STRING,
          "$url", ColumnType.STRING,
          "theme", ColumnType.STRING,
          "amount", ColumnType.NUMBER,
          "vip", ColumnType.BOOL,
          "tags", ColumnType.LIST,
          "birthday", ColumnType.DATE);

  static final List<String> EVENTS =
      List.of("$pageview", "$AppViewScreen", "View", "Register", "Invest", "Share", "$AppClick");

  /** The first local date with events (a few users have older first events). */
  static final LocalDate FIRST_DAY = LocalDate.of(2026, 3, 1);

  static final LocalDate LAST_DAY = LocalDate.of(2026, 3, 20);

  static final PropertyTypes PROPERTY_TYPES =
      (project, property) -> Optional.ofNullable(TYPES.get(property));

  private GeneratedEvents() {}

  static List<TrackedEvent> generate(String project, long seed, int users, int events) {
    SplittableRandom random = new SplittableRandom(seed);
    Instant start = FIRST_DAY.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    long span =
        LAST_DAY.plusDays(2).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1000
            - start.toEpochMilli();
    List<TrackedEvent> generated = new ArrayList<>(events + users);
    for (int u = 0; u < users; u++) {
      // Some users were first seen weeks before the range.
      if (random.nextInt(5) == 0) {
        Instant early = start.minusSeconds(86_400L * (1 + random.nextInt(30)));
        generated.add(event(project, "u" + u, "View", early, Map.of(), generated.size()));
      }
    }
    for (int i = 0; i < events; i++) {
      String user = "u" + random.nextInt(users);
      // A 7-minute grid, plus an occasional millisecond offset: many ties, some near-ties.
      long offset =
          random.nextLong(span / 420_000) * 420_000
              + (random.nextInt(4) == 0 ? random.nextInt(3) : 0);
      Instant time = start.plusMillis(offset);
      String name = EVENTS.get(random.nextInt(EVENTS.size()));
      generated.add(event(project, user, name, time, properties(random), generated.size()));
    }
    addLateUsers(project, new SplittableRandom(seed + 1), generated);
    generated.addAll(signups(project, generated.size()));
    return generated;
  }

  /**
   * Users first seen inside the generated days, each starting with several events at one
   * millisecond, so "a user's first event" depends on the insert_id tie-break (new users,
   * first-time retention). Drawn from their own random stream: the events above stay as they were.
   */
  private static void addLateUsers(
      String project, SplittableRandom random, List<TrackedEvent> generated) {
    for (int u = 0; u < 8; u++) {
      String user = "late" + u;
      Instant first =
          FIRST_DAY
              .plusDays(1 + random.nextInt(14))
              .atStartOfDay(ZoneOffset.UTC)
              .toInstant()
              .plusSeconds(420L * random.nextInt(200));
      int tied = 2 + random.nextInt(2);
      for (int i = 0; i < tied; i++) {
        String name = EVENTS.get(random.nextInt(EVENTS.size()));
        generated.add(event(project, user, name, first, properties(random), generated.size()));
      }
      int later = random.nextInt(6);
      for (int i = 0; i < later; i++) {
        Instant time = first.plusSeconds(420L * (1 + random.nextInt(40)));
        String name = EVENTS.get(random.nextInt(EVENTS.size()));
        generated.add(event(project, user, name, time, properties(random), generated.size()));
      }
    }
  }

  /**
   * {@code Register} events that link generated users (anonymous ids with events over the whole
   * range) to login ids: to a login id with events of its own, to a new one, to the same login id
   * from two anonymous ids, and one anonymous id linked twice (later, and at the same millisecond
   * to a larger login id), where the first link must win.
   */
  private static List<TrackedEvent> signups(String project, int firstIndex) {
    Instant mid = FIRST_DAY.plusDays(7).atTime(10, 0).toInstant(ZoneOffset.UTC);
    Instant late = LAST_DAY.minusDays(3).atTime(18, 0).toInstant(ZoneOffset.UTC);
    List<TrackedEvent> signups = new ArrayList<>();
    String[][] links = {
      {"u1", "u2"},
      {"u3", "login-3"},
      {"u4", "login-4"},
      {"u6", "login-6"},
      {"u7", "login-6"},
      {"u9", "login-9a"}
    };
    for (String[] link : links) {
      signups.add(signup(project, link[1], link[0], mid, firstIndex + signups.size()));
    }
    signups.add(signup(project, "u5", "u4", late, firstIndex + signups.size()));
    signups.add(signup(project, "login-9b", "u9", mid, firstIndex + signups.size()));
    return signups;
  }

  private static TrackedEvent signup(
      String project, String loginId, String anonymousId, Instant time, int n) {
    return event(project, loginId, "Register", time, Map.of(), n).linking(anonymousId);
  }

  private static Map<String, Object> properties(SplittableRandom random) {
    Map<String, Object> properties = new HashMap<>();
    pick(random, properties, "$os", List.of("iOS", "Android", "Web"));
    pick(random, properties, "$url", List.of("/home", "/loan/1", "/loan/2", "/me"));
    pick(random, properties, "theme", List.of("红包", "it's", "a\\b"));
    if (random.nextInt(3) > 0) {
      properties.put(
          "amount", new BigDecimal(random.nextInt(2000) - 200).movePointLeft(random.nextInt(3)));
    }
    if (random.nextInt(3) > 0) {
      properties.put("vip", random.nextBoolean());
    }
    if (random.nextInt(3) == 0) {
      properties.put("tags", random.nextBoolean() ? List.of("new", "p2p") : List.of("p2p"));
    }
    if (random.nextInt(4) == 0) {
      properties.put(
          "birthday", LocalDate.of(1980 + random.nextInt(3), 1, 1 + random.nextInt(2)).toString());
    }
    return properties;
  }

  private static void pick(
      SplittableRandom random, Map<String, Object> properties, String name, List<String> values) {
    int choice = random.nextInt(values.size() + 1);
    if (choice < values.size()) {
      properties.put(name, values.get(choice));
    }
  }

  private static TrackedEvent event(
      String project,
      String user,
      String name,
      Instant time,
      Map<String, Object> properties,
      int n) {
    return new TrackedEvent(
        project,
        name,
        user,
        time,
        String.format("i%06d", n),
        null,
        properties,
        time.plusSeconds(1));
  }
}
