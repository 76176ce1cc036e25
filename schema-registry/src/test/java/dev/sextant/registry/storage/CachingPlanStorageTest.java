package dev.sextant.registry.storage;

import static dev.sextant.registry.plan.TrackingPlans.aPlan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.registry.history.PlanVersion;
import dev.sextant.registry.plan.TrackingPlan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cache in front of the database: fresh for a while, and the last known plan when it fails. */
class CachingPlanStorageTest {

  private static final Duration TTL = Duration.ofSeconds(5);

  /** A clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2026-11-25T08:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  /** The real storage of another process, which the test can switch off and count reads of. */
  private static final class UnreliableStorage implements PlanStorage {
    private final InMemoryPlanStorage plans;
    private boolean down;
    private int reads;

    UnreliableStorage(Clock clock) {
      plans = new InMemoryPlanStorage(clock);
    }

    @Override
    public Optional<TrackingPlan> find(String project) {
      reads++;
      if (down) {
        throw new IllegalStateException("connection refused");
      }
      return plans.find(project);
    }

    @Override
    public Optional<TrackingPlan> find(String project, long version) {
      return plans.find(project, version);
    }

    @Override
    public List<PlanVersion> history(String project, int limit) {
      return plans.history(project, limit);
    }

    @Override
    public PlanVersion save(PlanRevision revision) {
      if (down) {
        throw new IllegalStateException("connection refused");
      }
      return plans.save(revision);
    }
  }

  private final ManualClock clock = new ManualClock();
  private final UnreliableStorage database = new UnreliableStorage(clock);
  private final CachingPlanStorage cache = new CachingPlanStorage(database, clock, TTL);

  private void saveElsewhere(long base, String event) {
    database.save(
        new PlanRevision(aPlan("demo").atVersion(base).event(event).build(), "x", List.of()));
  }

  @Test
  void servesAPlanFromMemoryUntilItExpires() {
    saveElsewhere(0, "P2P_Invest");
    cache.find("demo");
    saveElsewhere(1, "P2P_Withdraw");

    clock.advance(TTL.minusMillis(1));
    assertThat(cache.find("demo").orElseThrow().version()).isEqualTo(1);
    assertThat(database.reads).isEqualTo(1);

    clock.advance(Duration.ofMillis(1));
    assertThat(cache.find("demo").orElseThrow().version()).isEqualTo(2);
    assertThat(database.reads).isEqualTo(2);
  }

  @Test
  void showsAChangeSavedThroughItAtOnce() {
    saveElsewhere(0, "P2P_Invest");
    cache.find("demo");

    cache.save(
        new PlanRevision(aPlan("demo").atVersion(1).event("P2P_Withdraw").build(), "x", List.of()));

    assertThat(cache.find("demo").orElseThrow().event("P2P_Withdraw")).isPresent();
    assertThat(database.reads).isEqualTo(1);
  }

  @Test
  void keepsValidatingWithTheLastKnownPlanWhileTheDatabaseIsDown() {
    saveElsewhere(0, "P2P_Invest");
    TrackingPlan known = cache.find("demo").orElseThrow();
    database.down = true;

    clock.advance(TTL.plusSeconds(1));
    assertThat(cache.find("demo")).contains(known);
    int readsAfterFailure = database.reads;

    clock.advance(TTL.minusSeconds(1));
    assertThat(cache.find("demo")).contains(known);
    assertThat(database.reads)
        .as("no second try within a TTL of a failure")
        .isEqualTo(readsAfterFailure);

    database.down = false;
    saveElsewhere(1, "P2P_Withdraw");
    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.find("demo").orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void remembersThatAProjectHasNoPlanAlsoWhileTheDatabaseIsDown() {
    assertThat(cache.find("nobody")).isEmpty();
    database.down = true;
    clock.advance(TTL.multipliedBy(3));

    assertThat(cache.find("nobody")).isEmpty();
  }

  @Test
  void failsForAProjectItHasNeverLoadedWhileTheDatabaseIsDown() {
    database.down = true;

    assertThatThrownBy(() -> cache.find("demo")).hasMessage("connection refused");
  }

  @Test
  void keepsTheLastKnownPlanWhenASaveFails() {
    saveElsewhere(0, "P2P_Invest");
    TrackingPlan known = cache.find("demo").orElseThrow();
    database.down = true;

    PlanRevision change =
        new PlanRevision(aPlan("demo").atVersion(1).event("P2P_Withdraw").build(), "x", List.of());
    assertThatThrownBy(() -> cache.save(change)).isInstanceOf(IllegalStateException.class);

    assertThat(cache.find("demo")).contains(known);
  }

  @Test
  void reloadsOnTheRefresherAndServesTheKnownPlanMeanwhile() {
    List<Runnable> pending = new ArrayList<>();
    CachingPlanStorage deferred = new CachingPlanStorage(database, clock, TTL, pending::add);
    saveElsewhere(0, "P2P_Invest");
    deferred.find("demo");
    saveElsewhere(1, "P2P_Withdraw");
    clock.advance(TTL);

    assertThat(deferred.find("demo").orElseThrow().version()).isEqualTo(1);
    assertThat(deferred.find("demo").orElseThrow().version()).isEqualTo(1);
    assertThat(pending).as("one reload at a time").hasSize(1);

    pending.getFirst().run();
    assertThat(deferred.find("demo").orElseThrow().version()).isEqualTo(2);
  }
}
