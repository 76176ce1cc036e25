package dev.sextant.registry.rules;

import static dev.sextant.registry.plan.TrackingPlans.aPlan;
import static dev.sextant.registry.plan.TrackingPlans.aProperty;
import static dev.sextant.registry.plan.TrackingPlans.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sextant.registry.plan.DefinitionStatus;
import dev.sextant.registry.plan.PropertyType;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.plan.TrackingPlans;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which changes from the current version would break stored data or the apps sending it. */
class CompatibilityRulesTest {

  /**
   * The current version: one event and property of each status, an enum with a deprecated value.
   */
  private static final TrackingPlan CURRENT = current().build();

  private static TrackingPlans current() {
    return aPlan("demo")
        .atVersion(3)
        .line("p2p", "P2P_")
        .event(anEvent("P2P_Invest").in("p2p").with("amount!", "result"))
        .event(anEvent("P2P_Redeem").in("p2p").status(DefinitionStatus.DEPRECATED))
        .event(anEvent("P2P_Gift").in("p2p").status(DefinitionStatus.DRAFT))
        .event(anEvent("P2P_Lottery").in("p2p").status(DefinitionStatus.HIDDEN))
        .property(aProperty("amount", PropertyType.NUMBER))
        .property(
            aProperty("result", PropertyType.STRING)
                .values("success", "fail")
                .deprecatedValue("timeout"))
        .property(aProperty("channel", PropertyType.STRING).status(DefinitionStatus.DEPRECATED))
        .property(
            aProperty("draft_flag", PropertyType.BOOL).status(DefinitionStatus.DRAFT).values())
        .property(
            aProperty("side", PropertyType.STRING)
                .status(DefinitionStatus.DRAFT)
                .values("buy", "sell"));
  }

  /** The current plan rebuilt with some items left out or replaced. */
  private static TrackingPlans without(String... names) {
    java.util.Set<String> dropped = java.util.Set.of(names);
    TrackingPlans plan = aPlan("demo").atVersion(3).line("p2p", "P2P_");
    CURRENT.events().stream()
        .filter(e -> !dropped.contains(e.name()))
        .forEach(e -> plan.event(copyOf(e)));
    CURRENT.properties().stream()
        .filter(p -> !dropped.contains(p.name()))
        .forEach(p -> plan.property(copyOf(p)));
    return plan;
  }

  private static TrackingPlans.Events copyOf(dev.sextant.registry.plan.EventDefinition e) {
    TrackingPlans.Events event = anEvent(e.name()).in(e.businessLine()).status(e.status());
    e.properties().forEach(p -> event.with(p.required() ? p.name() + "!" : p.name()));
    return event;
  }

  private static TrackingPlans.Properties copyOf(dev.sextant.registry.plan.PropertyDefinition p) {
    TrackingPlans.Properties property = aProperty(p.name(), p.type()).status(p.status());
    p.values()
        .forEach(v -> {
          if (v.deprecated()) {
            property.deprecatedValue(v.value());
          } else {
            property.values(v.value());
          }
        });
    return property;
  }

  static Stream<Arguments> breakingChanges() {
    return Stream.of(
        change(
            "changing a property's type",
            () -> without("amount").property(aProperty("amount", PropertyType.STRING)),
            "properties[4].type",
            ViolationCode.TYPE_CHANGED),
        change(
            "changing a draft property's type",
            () ->
                without("draft_flag")
                    .property(
                        aProperty("draft_flag", PropertyType.STRING)
                            .status(DefinitionStatus.DRAFT)),
            "properties[4].type",
            ViolationCode.TYPE_CHANGED),
        change(
            "removing an active property",
            () ->
                without("amount", "P2P_Invest")
                    .event(anEvent("P2P_Invest").in("p2p").with("result")),
            "properties",
            ViolationCode.ACTIVE_PROPERTY_REMOVED),
        change(
            "removing an active event",
            () -> without("P2P_Invest"),
            "events",
            ViolationCode.ACTIVE_EVENT_REMOVED),
        change(
            "renaming an active event",
            () -> without("P2P_Invest").event(anEvent("P2P_InvestSubmit").in("p2p")),
            "events",
            ViolationCode.ACTIVE_EVENT_REMOVED),
        change(
            "removing a value of an active enum",
            () ->
                without("result")
                    .property(
                        aProperty("result", PropertyType.STRING)
                            .values("success")
                            .deprecatedValue("timeout")),
            "properties[4].values",
            ViolationCode.ENUM_VALUE_REMOVED),
        change(
            "sending an active event back to draft",
            () ->
                without("P2P_Invest")
                    .event(
                        anEvent("P2P_Invest")
                            .in("p2p")
                            .status(DefinitionStatus.DRAFT)
                            .with("amount!", "result")),
            "events[3].status",
            ViolationCode.BACK_TO_DRAFT),
        change(
            "sending a deprecated property back to draft",
            () ->
                without("channel")
                    .property(
                        aProperty("channel", PropertyType.STRING).status(DefinitionStatus.DRAFT)),
            "properties[4].status",
            ViolationCode.BACK_TO_DRAFT),
        change(
            "changing the time zone",
            () -> without().timeZone("UTC"),
            "settings.time_zone",
            ViolationCode.TIME_ZONE_CHANGED));
  }

  private static Arguments change(
      String what, Supplier<TrackingPlans> proposed, String path, ViolationCode code) {
    return Arguments.of(what, proposed, path, code);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("breakingChanges")
  void refusesAChangeThatWouldBreakStoredData(
      String what, Supplier<TrackingPlans> proposed, String path, ViolationCode code) {
    assertThat(PlanRules.checkChange(Optional.of(CURRENT), proposed.get().build()))
        .extracting(PlanViolation::path, PlanViolation::code)
        .containsExactly(tuple(path, code));
  }

  static Stream<Arguments> compatibleChanges() {
    return Stream.of(
        Arguments.of("nothing", (Supplier<TrackingPlans>) () -> without()),
        Arguments.of(
            "removing a deprecated event", (Supplier<TrackingPlans>) () -> without("P2P_Redeem")),
        Arguments.of("removing a draft event", (Supplier<TrackingPlans>) () -> without("P2P_Gift")),
        Arguments.of(
            "removing a hidden event", (Supplier<TrackingPlans>) () -> without("P2P_Lottery")),
        Arguments.of(
            "removing a deprecated property", (Supplier<TrackingPlans>) () -> without("channel")),
        Arguments.of(
            "removing a draft property", (Supplier<TrackingPlans>) () -> without("draft_flag")),
        Arguments.of(
            "deprecating an active event",
            (Supplier<TrackingPlans>)
                () ->
                    without("P2P_Invest")
                        .event(
                            anEvent("P2P_Invest")
                                .in("p2p")
                                .status(DefinitionStatus.DEPRECATED)
                                .with("amount!", "result"))),
        Arguments.of(
            "removing a deprecated enum value",
            (Supplier<TrackingPlans>)
                () ->
                    without("result")
                        .property(
                            aProperty("result", PropertyType.STRING).values("success", "fail"))),
        Arguments.of(
            "adding an enum value",
            (Supplier<TrackingPlans>)
                () ->
                    without("result")
                        .property(
                            aProperty("result", PropertyType.STRING)
                                .values("success", "fail", "pending")
                                .deprecatedValue("timeout"))),
        Arguments.of(
            "removing a value of a draft enum",
            (Supplier<TrackingPlans>)
                () ->
                    without("side")
                        .property(
                            aProperty("side", PropertyType.STRING)
                                .status(DefinitionStatus.DRAFT)
                                .values("buy"))),
        Arguments.of(
            "promoting a draft to active",
            (Supplier<TrackingPlans>)
                () -> without("P2P_Gift").event(anEvent("P2P_Gift").in("p2p"))),
        Arguments.of(
            "adding an event and a property",
            (Supplier<TrackingPlans>)
                () ->
                    without()
                        .event(anEvent("P2P_Withdraw").in("p2p").with("fee"))
                        .property(aProperty("fee", PropertyType.NUMBER))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("compatibleChanges")
  void acceptsAChangeThatKeepsStoredDataValid(String what, Supplier<TrackingPlans> proposed) {
    assertThat(PlanRules.checkChange(Optional.of(CURRENT), proposed.get().build())).isEmpty();
  }

  @Test
  void aNewProjectHasOnlyTheNamingRules() {
    assertThat(PlanRules.checkChange(Optional.empty(), current().timeZone("UTC").build()))
        .isEmpty();
  }
}
