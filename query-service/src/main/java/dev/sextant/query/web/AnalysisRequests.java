package dev.sextant.query.web;

import dev.sextant.query.model.Analysis;
import dev.sextant.query.model.DistributionAnalysis;
import dev.sextant.query.model.EventAnalysis;
import dev.sextant.query.model.EventCriteria;
import dev.sextant.query.model.Filter;
import dev.sextant.query.model.FunnelAnalysis;
import dev.sextant.query.model.FunnelUsers;
import dev.sextant.query.model.Granularity;
import dev.sextant.query.model.GroupKey;
import dev.sextant.query.model.InvalidQueryException;
import dev.sextant.query.model.Literal;
import dev.sextant.query.model.Measure;
import dev.sextant.query.model.Metric;
import dev.sextant.query.model.Operator;
import dev.sextant.query.model.RetentionAnalysis;
import dev.sextant.query.model.SessionAnalysis;
import dev.sextant.query.model.TimeRange;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Reads the analysis API's JSON requests into the request model, with errors that name the field
 * ({@code metrics[1].measure}). The format is documented in {@code docs/query-api.md}; the model's
 * own checks (limits, windows, bounds) apply on top and report their field the same way.
 */
public final class AnalysisRequests {

  private AnalysisRequests() {}

  /**
   * @param kind {@code events}, {@code sessions}, {@code funnels}, {@code retention} or {@code
   *     distributions}
   * @param zone the project's time zone, in which the request's dates are read
   */
  public static Analysis read(String kind, JsonNode body, ZoneId zone) {
    return read(kind, body, zone, BusinessLineEvents.NONE);
  }

  /**
   * @param lines the plan's business lines, for metric shortcuts such as the active users of one
   *     line
   */
  public static Analysis read(String kind, JsonNode body, ZoneId zone, BusinessLineEvents lines) {
    if (body == null || !body.isObject()) {
      throw new InvalidQueryException("body", "must be a JSON object");
    }
    Reader in = new Reader(body, "", zone, lines);
    return switch (kind) {
      case "events" -> in.eventAnalysis();
      case "sessions" -> in.sessionAnalysis();
      case "funnels" -> in.funnelAnalysis();
      case "retention" -> in.retentionAnalysis();
      case "distributions" -> in.distributionAnalysis();
      default ->
          throw new InvalidQueryException(
              "kind",
              "unknown analysis '"
                  + kind
                  + "': events, sessions, funnels, retention or distributions");
    };
  }

  /**
   * Events as in every request ({@code {"events": [...], "filter": {...}}}), for other requests
   * that name events, such as segment rules.
   *
   * @param path the field's path, for errors
   */
  public static EventCriteria criteria(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new InvalidQueryException(path, "must be an object");
    }
    return new Reader(node, path, ZoneId.of("UTC"), BusinessLineEvents.NONE).criteria();
  }

  /** A funnel request as for {@code funnels}, for other requests that embed one. */
  public static FunnelAnalysis funnel(JsonNode node, String path, ZoneId zone) {
    if (node == null || !node.isObject()) {
      throw new InvalidQueryException(path, "must be an object");
    }
    return new Reader(node, path, zone, BusinessLineEvents.NONE).funnelAnalysis();
  }

  /**
   * A funnel's drill-down: a {@code funnels} request with {@code step} (1-based), {@code outcome}
   * ({@code reached}, the default, or {@code dropped}) and, for a grouped funnel, an optional
   * {@code group} as the funnel's answer writes it ({@code {"values": ["iOS"]}}, {@code [null]} for
   * not set).
   */
  public static FunnelUsers funnelUsers(JsonNode body, ZoneId zone) {
    if (body == null || !body.isObject()) {
      throw new InvalidQueryException("body", "must be a JSON object");
    }
    Reader in = new Reader(body, "", zone, BusinessLineEvents.NONE);
    return new FunnelUsers(
        in.funnelAnalysis(),
        (int) in.requiredLong("step"),
        in.enumOf("outcome", FunnelUsers.Outcome.class, FunnelUsers.Outcome.REACHED),
        in.group("group"));
  }

  /** The {@code after} cursor of a page request; null for the first page. */
  public static String after(JsonNode body) {
    return new Reader(body, "", ZoneId.of("UTC"), BusinessLineEvents.NONE).optionalText("after");
  }

  /** The {@code limit} of a page request, 1 to {@code max}. */
  public static int limit(JsonNode body, int fallback, int max) {
    long limit =
        new Reader(body, "", ZoneId.of("UTC"), BusinessLineEvents.NONE).longOr("limit", fallback);
    if (limit < 1 || limit > max) {
      throw new InvalidQueryException("limit", "must be 1 to " + max);
    }
    return (int) limit;
  }

  /** A JSON object being read, with its path for errors. */
  private record Reader(JsonNode node, String path, ZoneId zone, BusinessLineEvents lines) {

    EventAnalysis eventAnalysis() {
      List<Metric> metrics = list("metrics", Reader::metric);
      Granularity granularity = granularity("granularity", Granularity.DAY);
      checkActiveUserGranularity(granularity);
      return new EventAnalysis(
          metrics,
          filterOrNone("filter"),
          strings("group_by"),
          range(),
          granularity,
          bool("compare_with_previous"));
    }

    /** DAU, WAU and MAU are active users counted per day, week and month: nothing else. */
    private void checkActiveUserGranularity(Granularity granularity) {
      JsonNode metrics = node.get("metrics");
      for (int i = 0; i < metrics.size(); i++) {
        JsonNode shortcut = metrics.get(i).get("shortcut");
        if (shortcut == null || !shortcut.isString()) {
          continue;
        }
        Granularity needed =
            switch (shortcut.asString()) {
              case "dau" -> Granularity.DAY;
              case "wau" -> Granularity.WEEK;
              case "mau" -> Granularity.MONTH;
              default -> granularity;
            };
        if (needed != granularity) {
          throw new InvalidQueryException(
              at("metrics[" + i + "].shortcut"),
              shortcut.asString()
                  + " counts active users per "
                  + needed.name().toLowerCase(java.util.Locale.ROOT)
                  + ": use granularity "
                  + needed.name().toLowerCase(java.util.Locale.ROOT)
                  + ", or the active_users shortcut");
        }
      }
    }

    SessionAnalysis sessionAnalysis() {
      return new SessionAnalysis(
          criteriaOr("events", EventCriteria.anyEvent()),
          criteriaOr("page_views", Metric.PAGE_VIEWS),
          optionalText("page_property"),
          Duration.ofMinutes(
              longOr("timeout_minutes", SessionAnalysis.DEFAULT_TIMEOUT.toMinutes())),
          range(),
          granularity("granularity", Granularity.DAY));
    }

    FunnelAnalysis funnelAnalysis() {
      return new FunnelAnalysis(
          list("steps", Reader::criteria),
          Duration.ofSeconds(requiredLong("window_seconds")),
          range(),
          optionalText("group_by"));
    }

    RetentionAnalysis retentionAnalysis() {
      return new RetentionAnalysis(
          child("initial").criteria(),
          child("returning").criteria(),
          enumOf(
              "unit", RetentionAnalysis.RetentionUnit.class, RetentionAnalysis.RetentionUnit.DAY),
          (int) longOr("periods", 7),
          enumOf(
              "cohorts",
              RetentionAnalysis.CohortKind.class,
              RetentionAnalysis.CohortKind.FIRST_TIME),
          range(),
          optionalText("group_by"));
    }

    DistributionAnalysis distributionAnalysis() {
      String kind = requiredText("kind");
      EventCriteria events = criteriaOr("events", EventCriteria.anyEvent());
      TimeRange range = range();
      return switch (kind) {
        case "events_per_user" ->
            new DistributionAnalysis.EventsPerUser(
                events, range, list("bounds", r -> r.longValue()));
        case "hour_of_day" -> new DistributionAnalysis.HourOfDay(events, range);
        case "day_of_week" -> new DistributionAnalysis.DayOfWeek(events, range);
        case "histogram" ->
            new DistributionAnalysis.Histogram(
                events, requiredText("property"), range, list("bounds", Reader::decimal));
        default ->
            throw new InvalidQueryException(
                at("kind"), "events_per_user, hour_of_day, day_of_week or histogram");
      };
    }

    Metric metric() {
      JsonNode shortcut = node.get("shortcut");
      if (shortcut != null && !shortcut.isNull()) {
        return shortcut(shortcut);
      }
      return new Metric(criteria(), measure());
    }

    /**
     * A named metric ({@code docs/query-api.md}): {@code pv}, {@code uv}, {@code dau}, {@code wau},
     * {@code mau}, {@code active_users} (optionally of one {@code business_line}), {@code
     * new_users}, {@code registered_users} (users with a {@code $SignUp}, the event {@code
     * track_signup} records, or the {@code events} given). A {@code filter} applies on top.
     */
    private Metric shortcut(JsonNode shortcut) {
      if (!shortcut.isString()) {
        throw new InvalidQueryException(at("shortcut"), "must be a shortcut name");
      }
      if (node.has("measure")) {
        throw new InvalidQueryException(at("measure"), "a shortcut sets its own measure");
      }
      Filter filter = filterOrNone("filter");
      Measure users = new Measure.UserCount();
      return switch (shortcut.asString()) {
        case "pv" -> new Metric(Metric.PAGE_VIEWS.where(filter), new Measure.EventCount());
        case "uv" -> new Metric(Metric.PAGE_VIEWS.where(filter), users);
        case "dau", "wau", "mau" -> new Metric(anyEventOfLine().where(filter), users);
        case "active_users" -> new Metric(anyEventOfLine().where(filter), users);
        case "new_users" ->
            new Metric(EventCriteria.anyEvent().where(filter), new Measure.NewUsers());
        case "registered_users" -> {
          List<String> named = strings("events");
          yield new Metric(
              new EventCriteria(named.isEmpty() ? List.of("$SignUp") : named, filter), users);
        }
        default ->
            throw new InvalidQueryException(
                at("shortcut"),
                "pv, uv, dau, wau, mau, active_users, new_users or registered_users");
      };
    }

    /** Any event, or with {@code business_line} the events of that line of the plan. */
    private EventCriteria anyEventOfLine() {
      String line = optionalText("business_line");
      if (line == null) {
        return EventCriteria.anyEvent();
      }
      List<String> events =
          lines
              .eventsOf(line)
              .orElseThrow(
                  () -> new InvalidQueryException(at("business_line"), "no such business line"));
      if (events.isEmpty()) {
        throw new InvalidQueryException(at("business_line"), "the line has no events yet");
      }
      return new EventCriteria(events, Filter.none());
    }

    /** {@code "events"}, {@code "users"}, ... or {@code {"sum": "amount"}}. */
    Measure measure() {
      JsonNode measure = node.get("measure");
      if (measure == null || measure.isNull()) {
        return new Measure.EventCount();
      }
      if (measure.isString()) {
        return switch (measure.asString()) {
          case "events" -> new Measure.EventCount();
          case "users" -> new Measure.UserCount();
          case "events_per_user" -> new Measure.EventsPerUser();
          case "new_users" -> new Measure.NewUsers();
          default ->
              throw new InvalidQueryException(
                  at("measure"),
                  "events, users, events_per_user, new_users, or an object such as {\"sum\": \"amount\"}");
        };
      }
      if (measure.isObject() && measure.size() == 1) {
        String op = measure.propertyNames().iterator().next();
        JsonNode property = measure.get(op);
        if (!property.isString()) {
          throw new InvalidQueryException(at("measure." + op), "must be a property name");
        }
        String name = property.asString();
        return switch (op) {
          case "sum" -> new Measure.Sum(name);
          case "avg" -> new Measure.Average(name);
          case "min" -> new Measure.Minimum(name);
          case "max" -> new Measure.Maximum(name);
          case "distinct" -> new Measure.DistinctValues(name);
          default ->
              throw new InvalidQueryException(at("measure"), "sum, avg, min, max or distinct");
        };
      }
      throw new InvalidQueryException(at("measure"), "a name or an object with one key");
    }

    /** {@code {"events": [...], "filter": {...}}}; no events means any event. */
    EventCriteria criteria() {
      return new EventCriteria(strings("events"), filterOrNone("filter"));
    }

    EventCriteria criteriaOr(String field, EventCriteria fallback) {
      JsonNode child = node.get(field);
      return child == null || child.isNull() ? fallback : child(field).criteria();
    }

    Filter filterOrNone(String field) {
      JsonNode child = node.get(field);
      return child == null || child.isNull() ? Filter.none() : child(field).filter();
    }

    /** {@code {"all": [...]}}, {@code {"any": [...]}} or {@code {"property", "op", "values"}}. */
    Filter filter() {
      if (!node.isObject()) {
        throw new InvalidQueryException(path, "a filter is an object");
      }
      if (node.has("all")) {
        return new Filter.AllOf(list("all", Reader::filter));
      }
      if (node.has("any")) {
        return new Filter.AnyOf(list("any", Reader::filter));
      }
      String op = requiredText("op");
      Operator operator;
      try {
        operator = Operator.valueOf(op.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidQueryException(
            at("op"),
            "unknown operator '"
                + op
                + "': eq, ne, in, not_in, gt, ge, lt, le, between, contains, is_set, not_set");
      }
      List<Literal> values = node.has("values") ? list("values", Reader::literal) : List.of();
      return new Filter.Comparison(requiredText("property"), operator, values);
    }

    Literal literal() {
      if (node.isString()) {
        return new Literal.Text(node.asString());
      }
      if (node.isNumber()) {
        return new Literal.Number(node.decimalValue());
      }
      if (node.isBoolean()) {
        return new Literal.Bool(node.booleanValue());
      }
      throw new InvalidQueryException(path, "a value is a string, a number or a boolean");
    }

    BigDecimal decimal() {
      if (!node.isNumber()) {
        throw new InvalidQueryException(path, "must be a number");
      }
      return node.decimalValue();
    }

    long longValue() {
      if (!node.canConvertToExactIntegral() || !node.canConvertToLong()) {
        throw new InvalidQueryException(path, "must be an integer");
      }
      return node.longValue();
    }

    TimeRange range() {
      return new TimeRange(date("from"), date("to"), zone);
    }

    LocalDate date(String field) {
      String text = requiredText(field);
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw new InvalidQueryException(at(field), "must be a date yyyy-MM-dd, got '" + text + "'");
      }
    }

    Granularity granularity(String field, Granularity fallback) {
      return enumOf(field, Granularity.class, fallback);
    }

    <E extends Enum<E>> E enumOf(String field, Class<E> type, E fallback) {
      String text = optionalText(field);
      if (text == null) {
        return fallback;
      }
      try {
        return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
          names.add(constant.name().toLowerCase(Locale.ROOT));
        }
        throw new InvalidQueryException(at(field), "one of " + String.join(", ", names));
      }
    }

    <T> List<T> list(String field, Function<Reader, T> element) {
      JsonNode array = node.get(field);
      if (array == null || array.isNull()) {
        throw new InvalidQueryException(at(field), "is required");
      }
      if (!array.isArray()) {
        throw new InvalidQueryException(at(field), "must be an array");
      }
      List<T> values = new ArrayList<>(array.size());
      for (int i = 0; i < array.size(); i++) {
        values.add(element.apply(new Reader(array.get(i), at(field) + "[" + i + "]", zone, lines)));
      }
      return values;
    }

    List<String> strings(String field) {
      JsonNode array = node.get(field);
      if (array == null || array.isNull()) {
        return List.of();
      }
      return list(field, r -> r.text());
    }

    String text() {
      if (!node.isString()) {
        throw new InvalidQueryException(path, "must be a string");
      }
      return node.asString();
    }

    String requiredText(String field) {
      String text = optionalText(field);
      if (text == null) {
        throw new InvalidQueryException(at(field), "is required");
      }
      return text;
    }

    String optionalText(String field) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return null;
      }
      return new Reader(value, at(field), zone, lines).text();
    }

    long requiredLong(String field) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        throw new InvalidQueryException(at(field), "is required");
      }
      return new Reader(value, at(field), zone, lines).longValue();
    }

    long longOr(String field, long fallback) {
      JsonNode value = node.get(field);
      return value == null || value.isNull()
          ? fallback
          : new Reader(value, at(field), zone, lines).longValue();
    }

    boolean bool(String field) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return false;
      }
      if (!value.isBoolean()) {
        throw new InvalidQueryException(at(field), "must be true or false");
      }
      return value.booleanValue();
    }

    /**
     * {@code {"values": [v]}}: a group key of strings, numbers, booleans or nulls; absent: none.
     */
    GroupKey group(String field) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return null;
      }
      return new GroupKey(child(field).list("values", Reader::groupValue));
    }

    Object groupValue() {
      if (node.isNull()) {
        return null;
      }
      return switch (literal()) {
        case Literal.Text text -> text.value();
        case Literal.Number number -> number.value();
        case Literal.Bool bool -> bool.value();
      };
    }

    Reader child(String field) {
      JsonNode value = node.get(field);
      if (value == null || !value.isObject()) {
        throw new InvalidQueryException(at(field), "must be an object");
      }
      return new Reader(value, at(field), zone, lines);
    }

    String at(String field) {
      return path.isEmpty() ? field : path + "." + field;
    }
  }
}
