package dev.sextant.query.segments;

import dev.sextant.query.model.EventCriteria;
import dev.sextant.query.model.EventWindow;
import dev.sextant.query.model.Frequency;
import dev.sextant.query.model.Frequency.Threshold;
import dev.sextant.query.model.InvalidQueryException;
import dev.sextant.query.model.SegmentRule;
import dev.sextant.query.model.TimeRange;
import dev.sextant.query.web.AnalysisRequests;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Reads segment rules from the API's JSON ({@code docs/query-api.md}, "Segments"), with errors
 * naming the field ({@code rule.all[1].times.at_least}); the model's own checks report their field
 * under the same path.
 */
public final class SegmentRequests {

  private static final List<String> THRESHOLDS =
      List.of("at_least", "at_most", "exactly", "more_than", "less_than");

  private SegmentRequests() {}

  /**
   * @param zone the project's zone, in which fixed windows' dates are read
   */
  public static SegmentRule rule(JsonNode node, String path, ZoneId zone) {
    if (node == null || !node.isObject()) {
      throw new InvalidQueryException(path, "a rule is an object");
    }
    if (node.has("all")) {
      List<SegmentRule> rules = rules(node.get("all"), path + ".all", zone);
      return checked(path, () -> new SegmentRule.AllOf(rules));
    }
    if (node.has("any")) {
      List<SegmentRule> rules = rules(node.get("any"), path + ".any", zone);
      return checked(path, () -> new SegmentRule.AnyOf(rules));
    }
    if (node.has("first_did")) {
      EventCriteria events = AnalysisRequests.criteria(node.get("first_did"), path + ".first_did");
      EventWindow window = window(node.get("within"), path + ".within", zone);
      return checked(path, () -> new SegmentRule.FirstDid(events, window));
    }
    boolean done = node.has("did");
    if (!done && !node.has("did_not")) {
      throw new InvalidQueryException(
          path, "a rule has one of all, any, did, did_not or first_did");
    }
    String verb = done ? "did" : "did_not";
    EventCriteria events = AnalysisRequests.criteria(node.get(verb), path + "." + verb);
    EventWindow window = window(node.get("within"), path + ".within", zone);
    Frequency frequency = frequency(node, path);
    return checked(path, () -> new SegmentRule.Behaviour(done, events, window, frequency));
  }

  private static List<SegmentRule> rules(JsonNode array, String path, ZoneId zone) {
    if (array == null || !array.isArray()) {
      throw new InvalidQueryException(path, "must be an array of rules");
    }
    List<SegmentRule> rules = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      rules.add(rule(array.get(i), path + "[" + i + "]", zone));
    }
    return rules;
  }

  /** Absent: ever; {@code {"last_days": n}}; or {@code {"from": date, "to": date}}. */
  private static EventWindow window(JsonNode node, String path, ZoneId zone) {
    if (node == null || node.isNull()) {
      return EventWindow.ever();
    }
    if (!node.isObject()) {
      throw new InvalidQueryException(path, "a window is an object");
    }
    if (node.has("last_days")) {
      int days = (int) integer(node.get("last_days"), path + ".last_days");
      return checked(path, () -> EventWindow.lastDays(days));
    }
    LocalDate from = date(node.get("from"), path + ".from");
    LocalDate to = date(node.get("to"), path + ".to");
    return checked(path, () -> EventWindow.between(new TimeRange(from, to, zone)));
  }

  /** {@code "times": {"at_least": 3}}, {@code "sum": {"property": "amount", "more_than": 0}}. */
  private static Frequency frequency(JsonNode rule, String path) {
    if (rule.has("times") && rule.has("sum")) {
      throw new InvalidQueryException(path, "times or sum, not both");
    }
    if (rule.has("sum")) {
      JsonNode sum = rule.get("sum");
      String at = path + ".sum";
      if (sum == null || !sum.isObject() || !sum.path("property").isString()) {
        throw new InvalidQueryException(at, "{\"property\": \"amount\", \"at_least\": 1000}");
      }
      String threshold = threshold(sum, at);
      JsonNode value = sum.get(threshold);
      if (!value.isNumber()) {
        throw new InvalidQueryException(at + "." + threshold, "must be a number");
      }
      String property = sum.get("property").asString();
      BigDecimal limit = value.decimalValue();
      return checked(at, () -> new Frequency.Sum(property, thresholdOf(threshold), limit));
    }
    if (rule.has("times")) {
      JsonNode times = rule.get("times");
      String at = path + ".times";
      if (times == null || !times.isObject()) {
        throw new InvalidQueryException(at, "{\"at_least\": 3}");
      }
      String threshold = threshold(times, at);
      long count = integer(times.get(threshold), at + "." + threshold);
      return checked(at, () -> new Frequency.Count(thresholdOf(threshold), count));
    }
    return Frequency.atLeastOnce();
  }

  private static String threshold(JsonNode node, String path) {
    List<String> present = THRESHOLDS.stream().filter(node::has).toList();
    if (present.size() != 1) {
      throw new InvalidQueryException(path, "exactly one of " + String.join(", ", THRESHOLDS));
    }
    return present.getFirst();
  }

  private static Threshold thresholdOf(String name) {
    return Threshold.valueOf(name.toUpperCase(Locale.ROOT));
  }

  private static long integer(JsonNode node, String path) {
    if (node == null || !node.canConvertToExactIntegral() || !node.canConvertToLong()) {
      throw new InvalidQueryException(path, "must be an integer");
    }
    return node.longValue();
  }

  static LocalDate date(JsonNode node, String path) {
    if (node == null || !node.isString()) {
      throw new InvalidQueryException(path, "must be a date yyyy-MM-dd");
    }
    try {
      return LocalDate.parse(node.asString());
    } catch (DateTimeParseException e) {
      throw new InvalidQueryException(
          path, "must be a date yyyy-MM-dd, got '" + node.asString() + "'");
    }
  }

  /** Builds a model value; its refusal names the field under {@code path}. */
  private static <T> T checked(String path, Supplier<T> construction) {
    try {
      return construction.get();
    } catch (InvalidQueryException e) {
      // The model's message starts with its own field; the path replaces it.
      String message = e.getMessage().substring(e.field().length() + 2);
      throw new InvalidQueryException(path + "." + e.field(), message);
    }
  }
}
