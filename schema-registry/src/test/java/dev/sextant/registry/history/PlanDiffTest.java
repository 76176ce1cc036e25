package dev.sextant.registry.history;

import static dev.sextant.registry.plan.TrackingPlans.aPlan;
import static dev.sextant.registry.plan.TrackingPlans.aProperty;
import static dev.sextant.registry.plan.TrackingPlans.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.registry.plan.DefinitionStatus;
import dev.sextant.registry.plan.PropertyType;
import dev.sextant.registry.plan.TrackingPlan;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanDiffTest {

  private static final TrackingPlan BEFORE =
      aPlan("demo")
          .line("p2p", "P2P_")
          .event(anEvent("P2P_Invest").in("p2p").with("amount!", "result"))
          .event(anEvent("P2P_Redeem").in("p2p"))
          .property(aProperty("amount", PropertyType.NUMBER).min("0"))
          .property(aProperty("result", PropertyType.STRING).values("success", "fail"))
          .build();

  @Test
  void findsNoChangeBetweenEqualPlansInAnyOrder() {
    TrackingPlan reordered =
        aPlan("demo")
            .line("p2p", "P2P_")
            .event(anEvent("P2P_Redeem").in("p2p"))
            .event(anEvent("P2P_Invest").in("p2p").with("result", "amount!"))
            .property(aProperty("result", PropertyType.STRING).values("success", "fail"))
            .property(aProperty("amount", PropertyType.NUMBER).min("0.00"))
            .build();

    assertThat(PlanDiff.between(Optional.of(BEFORE), reordered)).isEmpty();
  }

  @Test
  void listsEveryChangeByNameInAStableOrder() {
    TrackingPlan after =
        aPlan("demo")
            .permissive()
            .line("p2p", "P2P_")
            .line("stock", "stock_")
            .event(
                anEvent("P2P_Invest")
                    .in("p2p")
                    .status(DefinitionStatus.DEPRECATED)
                    .with("amount", "result", "coupon_id"))
            .event(anEvent("stock_Buy").in("stock"))
            .property(aProperty("amount", PropertyType.NUMBER).min("0.01").unit("CNY"))
            .property(
                aProperty("result", PropertyType.STRING)
                    .values("success")
                    .deprecatedValue("fail")
                    .values("pending"))
            .property(aProperty("coupon_id", PropertyType.STRING))
            .build();

    assertThat(PlanDiff.between(Optional.of(BEFORE), after))
        .containsExactly(
            PlanChange.changed("settings.unknown_data_policy", "STRICT", "PERMISSIVE"),
            PlanChange.added("business_lines.stock"),
            PlanChange.changed("properties.amount.unit", null, "CNY"),
            PlanChange.changed("properties.amount.min", "0", "0.01"),
            PlanChange.added("properties.coupon_id"),
            PlanChange.changed("properties.result.values.fail.deprecated", "false", "true"),
            PlanChange.added("properties.result.values.pending"),
            PlanChange.removed("events.P2P_Redeem"),
            PlanChange.changed("events.P2P_Invest.status", "ACTIVE", "DEPRECATED"),
            PlanChange.changed("events.P2P_Invest.properties.amount.required", "true", "false"),
            PlanChange.added("events.P2P_Invest.properties.coupon_id"),
            PlanChange.added("events.stock_Buy"));
  }

  @Test
  void reportsAReorderingOfEnumValues() {
    TrackingPlan after =
        aPlan("demo")
            .line("p2p", "P2P_")
            .event(anEvent("P2P_Invest").in("p2p").with("amount!", "result"))
            .event(anEvent("P2P_Redeem").in("p2p"))
            .property(aProperty("amount", PropertyType.NUMBER).min("0"))
            .property(aProperty("result", PropertyType.STRING).values("fail", "success"))
            .build();

    assertThat(PlanDiff.between(Optional.of(BEFORE), after))
        .containsExactly(
            PlanChange.changed("properties.result.values", "success, fail", "fail, success"));
  }

  @Test
  void aNewProjectAddsEverything() {
    assertThat(PlanDiff.between(Optional.empty(), BEFORE))
        .containsExactly(
            PlanChange.added("business_lines.p2p"),
            PlanChange.added("properties.amount"),
            PlanChange.added("properties.result"),
            PlanChange.added("events.P2P_Invest"),
            PlanChange.added("events.P2P_Redeem"));
  }
}
