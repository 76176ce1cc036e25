package dev.sextant.registry.storage;

import static dev.sextant.registry.plan.TrackingPlans.aPlan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.registry.plan.PropertyType;
import dev.sextant.registry.plan.TrackingPlan;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What every metadata database must do for plan storage; one subclass per database. */
abstract class PlanStorageConformance {

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
            Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC));
  }

  @Test
  void aProjectWithoutAPlanHasNone() {
    assertThat(storage.find("nobody")).isEmpty();
  }

  @Test
  void savesAPlanAsVersionOneAndReadsItBackUnchanged() {
    TrackingPlan plan =
        aPlan("p2p").event("P2P_Invest", "amount!").property("amount", PropertyType.NUMBER).build();

    TrackingPlan saved = storage.save(plan);

    assertThat(saved.version()).isEqualTo(1);
    assertThat(storage.find("p2p")).contains(plan.withVersion(1));
  }

  @Test
  void eachSaveBasedOnTheCurrentVersionMakesTheNext() {
    storage.save(aPlan("forex").event("forex_Deposit").build());
    TrackingPlan second = storage.save(aPlan("forex").atVersion(1).event("forex_Withdraw").build());

    assertThat(second.version()).isEqualTo(2);
    assertThat(storage.find("forex").orElseThrow().event("forex_Withdraw")).isPresent();
  }

  @Test
  void refusesASaveBasedOnAStaleVersion() {
    storage.save(aPlan("stock").event("stock_Buy").build());
    storage.save(aPlan("stock").atVersion(1).event("stock_Sell").build());

    assertThatThrownBy(() -> storage.save(aPlan("stock").atVersion(1).event("stock_Short").build()))
        .isInstanceOf(PlanVersionConflictException.class)
        .hasMessageContaining("no longer at version 1");
    assertThat(storage.find("stock").orElseThrow().event("stock_Sell")).isPresent();
  }

  @Test
  void keepsProjectsApart() {
    storage.save(aPlan("a").event("A_One").build());
    storage.save(aPlan("b").event("B_One").build());

    assertThat(storage.find("a").orElseThrow().events())
        .extracting("name")
        .containsExactly("A_One");
  }
}
