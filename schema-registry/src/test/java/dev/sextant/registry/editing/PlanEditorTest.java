package dev.sextant.registry.editing;

import static dev.sextant.registry.plan.TrackingPlans.aPlan;
import static dev.sextant.registry.plan.TrackingPlans.aProperty;
import static dev.sextant.registry.plan.TrackingPlans.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.registry.history.PlanChange;
import dev.sextant.registry.history.PlanVersion;
import dev.sextant.registry.plan.DefinitionStatus;
import dev.sextant.registry.plan.PropertyType;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.plan.TrackingPlans;
import dev.sextant.registry.rules.PlanRejectedException;
import dev.sextant.registry.rules.PlanViolation;
import dev.sextant.registry.rules.ViolationCode;
import dev.sextant.registry.storage.InMemoryPlanStorage;
import dev.sextant.registry.storage.PlanRevision;
import dev.sextant.registry.storage.PlanStorage;
import dev.sextant.registry.storage.PlanVersionConflictException;
import dev.sextant.registry.validation.DraftProperty;
import dev.sextant.registry.validation.DraftRegistration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanEditorTest {

  private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

  private final InMemoryPlanStorage storage =
      new InMemoryPlanStorage(Clock.fixed(NOW, ZoneOffset.UTC));
  private final PlanEditor editor = new PlanEditor(storage);

  private static TrackingPlans p2p(long base) {
    return aPlan("demo")
        .atVersion(base)
        .line("p2p", "P2P_")
        .event(anEvent("P2P_Invest").in("p2p").with("amount!"))
        .property(aProperty("amount", PropertyType.NUMBER));
  }

  @Test
  void savesANewPlanAsVersionOneWithItsAuthorAndChanges() {
    ChangeOutcome outcome = editor.apply(p2p(0).build(), "li.lei", false);

    assertThat(outcome)
        .isEqualTo(
            new ChangeOutcome(
                "demo",
                0,
                1,
                false,
                true,
                "li.lei",
                NOW,
                List.of(
                    PlanChange.added("business_lines.p2p"),
                    PlanChange.added("properties.amount"),
                    PlanChange.added("events.P2P_Invest"))));
    assertThat(storage.history("demo", 10))
        .containsExactly(new PlanVersion("demo", 1, "li.lei", NOW, outcome.changes()));
  }

  @Test
  void savesThePlanInItsStableOrder() {
    editor.apply(
        aPlan("demo")
            .event("Zeta")
            .event("Alpha")
            .property("b", PropertyType.BOOL)
            .property("a", PropertyType.BOOL)
            .build(),
        "x",
        false);

    assertThat(storage.find("demo").orElseThrow().events())
        .extracting("name")
        .containsExactly("Alpha", "Zeta");
  }

  @Test
  void aDryRunShowsTheChangesAndSavesNothing() {
    editor.apply(p2p(0).build(), "x", false);

    ChangeOutcome preview =
        editor.apply(p2p(1).event(anEvent("P2P_Withdraw").in("p2p")).build(), "y", true);

    assertThat(preview.dryRun()).isTrue();
    assertThat(preview.saved()).isFalse();
    assertThat(preview.version()).isEqualTo(2);
    assertThat(preview.changes()).containsExactly(PlanChange.added("events.P2P_Withdraw"));
    assertThat(storage.saves()).isEqualTo(1);
  }

  @Test
  void aChangeThatChangesNothingSavesNothing() {
    editor.apply(p2p(0).build(), "x", false);

    ChangeOutcome again = editor.apply(p2p(1).build(), "x", false);

    assertThat(again.saved()).isFalse();
    assertThat(again.version()).isEqualTo(1);
    assertThat(storage.saves()).isEqualTo(1);
  }

  @Test
  void refusesAChangeBasedOnAStaleVersionAlsoInADryRun() {
    editor.apply(p2p(0).build(), "x", false);
    editor.apply(p2p(1).event(anEvent("P2P_Withdraw").in("p2p")).build(), "x", false);

    assertThatThrownBy(() -> editor.apply(p2p(1).build(), "y", true))
        .isInstanceOf(PlanVersionConflictException.class);
    assertThatThrownBy(() -> editor.apply(p2p(0).build(), "y", false))
        .isInstanceOf(PlanVersionConflictException.class);
  }

  @Test
  void refusesABreakingChangeWithTheNamingViolationsInOneAnswer() {
    editor.apply(p2p(0).build(), "x", false);
    TrackingPlan broken =
        aPlan("demo")
            .atVersion(1)
            .line("p2p", "P2P_")
            .event(anEvent("Invest").in("p2p").with("amount!"))
            .property(aProperty("amount", PropertyType.STRING))
            .build();

    assertThatThrownBy(() -> editor.apply(broken, "y", false))
        .isInstanceOfSatisfying(
            PlanRejectedException.class,
            e ->
                assertThat(e.violations())
                    .extracting(PlanViolation::code)
                    .containsExactlyInAnyOrder(
                        ViolationCode.EVENT_PREFIX_MISMATCH,
                        ViolationCode.TYPE_CHANGED,
                        ViolationCode.ACTIVE_EVENT_REMOVED));
    assertThat(storage.saves()).isEqualTo(1);
  }

  @Test
  void registersDraftsAsANewVersionByTheCollector() {
    editor.apply(p2p(0).line("stock", "stock_").permissive().build(), "x", false);

    Optional<PlanVersion> registered =
        editor.registerDrafts(
            "demo",
            new DraftRegistration(
                "stock_Buy",
                true,
                List.of(
                    new DraftProperty("amount", PropertyType.NUMBER, false),
                    new DraftProperty("stock_code", PropertyType.STRING, true))));

    assertThat(registered).map(PlanVersion::author).contains(PlanEditor.DRAFTS_AUTHOR);
    TrackingPlan plan = storage.find("demo").orElseThrow();
    assertThat(plan.event("stock_Buy").orElseThrow())
        .satisfies(e -> {
          assertThat(e.status()).isEqualTo(DefinitionStatus.DRAFT);
          assertThat(e.businessLine()).isEqualTo("stock");
          assertThat(e.properties()).extracting("name").containsExactly("amount", "stock_code");
        });
    assertThat(plan.property("stock_code").orElseThrow().status())
        .isEqualTo(DefinitionStatus.DRAFT);
  }

  @Test
  void registeringTheSameDraftsTwiceSavesOnce() {
    editor.apply(p2p(0).permissive().build(), "x", false);
    DraftRegistration drafts =
        new DraftRegistration(
            "P2P_Invest",
            false,
            List.of(new DraftProperty("coupon_id", PropertyType.STRING, true)));

    assertThat(editor.registerDrafts("demo", drafts)).isPresent();
    assertThat(editor.registerDrafts("demo", drafts)).isEmpty();
    assertThat(storage.saves()).isEqualTo(2);
  }

  @Test
  void registersDraftsOnTheLatestVersionWhenAnotherSaveCameFirst() {
    editor.apply(p2p(0).permissive().build(), "x", false);
    PlanStorage racing =
        new PlanStorage() {
          private boolean raced;

          @Override
          public Optional<TrackingPlan> find(String project) {
            return storage.find(project);
          }

          @Override
          public Optional<TrackingPlan> find(String project, long version) {
            return storage.find(project, version);
          }

          @Override
          public List<PlanVersion> history(String project, int limit) {
            return storage.history(project, limit);
          }

          @Override
          public PlanVersion save(PlanRevision revision) {
            if (!raced) {
              raced = true;
              editor.apply(
                  p2p(1).permissive().event(anEvent("P2P_Withdraw").in("p2p")).build(),
                  "someone",
                  false);
            }
            return storage.save(revision);
          }
        };

    new PlanEditor(racing)
        .registerDrafts(
            "demo",
            new DraftRegistration(
                "P2P_Invest",
                false,
                List.of(new DraftProperty("coupon_id", PropertyType.STRING, true))));

    TrackingPlan plan = storage.find("demo").orElseThrow();
    assertThat(plan.version()).isEqualTo(3);
    assertThat(plan.event("P2P_Withdraw")).isPresent();
    assertThat(plan.property("coupon_id")).isPresent();
  }
}
