package dev.sextant.registry.storage;

import static dev.sextant.registry.plan.TrackingPlans.aPlan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.registry.history.PlanChange;
import dev.sextant.registry.history.PlanVersion;
import dev.sextant.registry.plan.PropertyType;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.plan.TrackingPlans;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What every metadata database must do for plan storage; one subclass per database. */
abstract class PlanStorageConformance {

  private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

  private PlanStorage storage;

  /** A fresh, empty database for each test. */
  protected abstract DataSource freshDataSource();

  @BeforeEach
  void migrate() {
    DataSource dataSource = freshDataSource();
    Flyway.configure().dataSource(dataSource).load().migrate();
    storage =
        new JdbcPlanStorage(
            JdbcClient.create(dataSource),
            new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
            Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private TrackingPlan save(TrackingPlans plan) {
    TrackingPlan built = plan.build();
    storage.save(new PlanRevision(built, "tester", List.of()));
    return built;
  }

  @Test
  void aProjectWithoutAPlanHasNone() {
    assertThat(storage.find("nobody")).isEmpty();
  }

  @Test
  void savesAPlanAsVersionOneAndReadsItBackUnchanged() {
    TrackingPlan plan =
        aPlan("p2p").event("P2P_Invest", "amount!").property("amount", PropertyType.NUMBER).build();

    PlanVersion saved = storage.save(new PlanRevision(plan, "tester", List.of()));

    assertThat(saved.version()).isEqualTo(1);
    assertThat(storage.find("p2p")).contains(plan.withVersion(1));
  }

  @Test
  void eachSaveBasedOnTheCurrentVersionMakesTheNext() {
    save(aPlan("forex").event("forex_Deposit"));
    PlanVersion second =
        storage.save(
            new PlanRevision(
                aPlan("forex").atVersion(1).event("forex_Withdraw").build(), "tester", List.of()));

    assertThat(second.version()).isEqualTo(2);
    assertThat(storage.find("forex").orElseThrow().event("forex_Withdraw")).isPresent();
  }

  @Test
  void refusesASaveBasedOnAStaleVersion() {
    save(aPlan("stock").event("stock_Buy"));
    save(aPlan("stock").atVersion(1).event("stock_Sell"));
    PlanRevision stale =
        new PlanRevision(
            aPlan("stock").atVersion(1).event("stock_Short").build(), "tester", List.of());

    assertThatThrownBy(() -> storage.save(stale))
        .isInstanceOf(PlanVersionConflictException.class)
        .hasMessageContaining("no longer at version 1");
    assertThat(storage.find("stock").orElseThrow().event("stock_Sell")).isPresent();
  }

  @Test
  void keepsProjectsApart() {
    save(aPlan("a").event("A_One"));
    save(aPlan("b").event("B_One"));

    assertThat(storage.find("a").orElseThrow().events())
        .extracting("name")
        .containsExactly("A_One");
  }

  @Test
  void keepsEveryVersionWithItsAuthorTimeAndChangesNewestFirst() {
    List<PlanChange> firstChanges = List.of(PlanChange.added("events.P2P_Invest"));
    List<PlanChange> secondChanges =
        List.of(PlanChange.changed("events.P2P_Invest.status", "ACTIVE", "DEPRECATED"));
    storage.save(
        new PlanRevision(aPlan("p2p").event("P2P_Invest").build(), "li.lei", firstChanges));
    storage.save(new PlanRevision(aPlan("p2p").atVersion(1).build(), "han.meimei", secondChanges));

    assertThat(storage.history("p2p", 10))
        .containsExactly(
            new PlanVersion("p2p", 2, "han.meimei", NOW, secondChanges),
            new PlanVersion("p2p", 1, "li.lei", NOW, firstChanges));
    assertThat(storage.history("p2p", 1)).extracting(PlanVersion::version).containsExactly(2L);
    assertThat(storage.history("nobody", 10)).isEmpty();
  }

  @Test
  void readsThePlanAsItWasAtEachVersion() {
    save(aPlan("p2p").event("P2P_Invest"));
    save(aPlan("p2p").atVersion(1).event("P2P_Withdraw"));

    assertThat(storage.find("p2p", 1).orElseThrow().event("P2P_Invest")).isPresent();
    assertThat(storage.find("p2p", 2).orElseThrow().event("P2P_Invest")).isEmpty();
    assertThat(storage.find("p2p", 3)).isEmpty();
  }

  @Test
  void keepsEveryPartOfTheModelThroughTheDatabase() {
    TrackingPlan plan =
        aPlan("demo")
            .permissive()
            .timeZone("Asia/Hong_Kong")
            .line("p2p", "P2P_")
            .event(
                TrackingPlans.anEvent("P2P_Invest")
                    .in("p2p")
                    .displayName("投资")
                    .status(dev.sextant.registry.plan.DefinitionStatus.DEPRECATED)
                    .with("amount!", "result"))
            .property(
                TrackingPlans.aProperty("amount", PropertyType.NUMBER).min("0.01").unit("CNY"))
            .property(
                TrackingPlans.aProperty("result", PropertyType.STRING)
                    .values("success", "fail")
                    .deprecatedValue("timeout")
                    .maxLength(10))
            .build();

    storage.save(new PlanRevision(plan, "tester", List.of()));

    assertThat(storage.find("demo")).contains(plan.withVersion(1));
  }
}
