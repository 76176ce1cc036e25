package dev.sextant.demo.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The simulated behaviour has the shape the console's tour and the case study need: a funnel with
 * monotone drop-offs in plausible bands, splash themes that convert differently, a non-empty
 * January-2017 credit-report segment, and a push campaign whose pushed users convert more than its
 * holdout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoScenarioTest {

  private static final int USERS = 6_000;
  private static final SimulationSettings SETTINGS =
      SimulationSettings.caseStudy("demo", USERS, 90, 20170101);

  private final List<UserStory> stories = new ArrayList<>();

  @BeforeAll
  void simulate() {
    DemoSimulation simulation = new DemoSimulation(SETTINGS);
    for (int user = 0; user < USERS; user++) {
      stories.add(new UserStory(simulation.simulateUser(user)));
    }
  }

  private long count(java.util.function.Predicate<UserStory> condition) {
    return stories.stream().filter(condition).count();
  }

  @Test
  void theAccountFunnelDropsAtEveryStepWithinPlausibleBands() {
    long signedUp = count(s -> s.succeeded("SignUp"));
    long verified = count(s -> s.succeeded("RealNameVerify"));
    long bound = count(s -> s.succeeded("BindCard"));
    long deposited = count(s -> s.succeeded("Deposit"));
    long invested = count(s -> s.did("P2P_InvestSuccess"));
    assertThat(List.of(USERS * 1L, signedUp, verified, bound, deposited, invested))
        .isSortedAccordingTo((a, b) -> Long.compare(b, a))
        .doesNotHaveDuplicates();
    assertThat(signedUp / (double) USERS).isBetween(0.4, 0.85);
    assertThat(verified / (double) signedUp).isBetween(0.5, 0.9);
    assertThat(bound / (double) verified).isBetween(0.5, 0.9);
    assertThat(deposited / (double) bound).isBetween(0.5, 0.9);
    assertThat(invested / (double) deposited).isBetween(0.3, 0.9);
    assertThat(invested / (double) USERS).isBetween(0.05, 0.35);
  }

  @Test
  void failuresCarryAReasonForCustomerService() {
    long failures =
        stories.stream()
            .flatMap(s -> s.events().stream())
            .filter(e -> "fail".equals(e.properties().get("result")))
            // The plan lists no fail_reason for copying a portfolio.
            .filter(e -> !e.event().equals("stock_CopyPortfolio"))
            .peek(e -> assertThat(e.properties()).containsKey("fail_reason"))
            .count();
    assertThat(failures).isGreaterThan(100);
  }

  @Test
  void splashThemesConvertVisitorsDifferently() {
    Map<String, long[]> byTheme = new HashMap<>();
    for (UserStory story : stories) {
      String theme = story.splashTheme();
      if (theme != null) {
        long[] counts = byTheme.computeIfAbsent(theme, t -> new long[2]);
        counts[0]++;
        counts[1] += story.succeeded("SignUp") ? 1 : 0;
      }
    }
    assertThat(byTheme).hasSize(Catalog.SPLASH_THEMES.size());
    double best = rate(byTheme.get(Catalog.SPLASH_THEMES.get(0).pageName()));
    double worst = rate(byTheme.get(Catalog.SPLASH_THEMES.get(2).pageName()));
    assertThat(best - worst).isGreaterThan(0.05);
  }

  private static double rate(long[] counts) {
    return counts[1] / (double) counts[0];
  }

  @Test
  void theCaseStudysJanuaryCreditReportSegmentIsNotEmpty() {
    Instant february = SETTINGS.firstDay().plusMonths(1).atStartOfDay(SETTINGS.zone()).toInstant();
    Instant end = SETTINGS.firstDay().plusDays(90).atStartOfDay(SETTINGS.zone()).toInstant();
    long segment =
        count(s ->
            s.signedUpAt() != null
                && s.signedUpAt().isBefore(february)
                && s.viewedPageBefore("credit_report", end)
                && !s.did("P2P_InvestSuccess"));
    assertThat(segment).isGreaterThan(USERS / 50);
  }

  /**
   * The case study's effect report: of the segment's users who opened the app in the two weeks from
   * the push, 24.69 % of the pushed and 16.34 % of the held-out invested within 14 days of that
   * visit. The simulation is calibrated to the same shape: a segment that converts on its own (it
   * is high intent), and a push that adds about half as much again, not one that does all the work.
   */
  @Test
  void pushedUsersOfTheCaseStudysCampaignConvertMoreThanTheHoldoutAsInTheCaseStudy() {
    LocalDate campaignDay = SETTINGS.firstDay().plusDays(UserJourney.CAMPAIGN_DAY);
    Instant campaign = campaignDay.atStartOfDay(SETTINGS.zone()).toInstant();
    Instant effectEnd =
        campaignDay
            .plusDays(UserJourney.CAMPAIGN_EFFECT_DAYS)
            .atStartOfDay(SETTINGS.zone())
            .toInstant();
    Instant cohortEnd =
        SETTINGS
            .firstDay()
            .plusDays(UserJourney.COHORT_DAYS)
            .atStartOfDay(SETTINGS.zone())
            .toInstant();
    Duration window = Duration.ofDays(14);
    long[] pushed = new long[2];
    long[] holdout = new long[2];
    long targetedAndPushed = 0;
    long targeted = 0;
    for (UserStory story : stories) {
      boolean inSegment =
          story.signedUpAt() != null
              && story.signedUpAt().isBefore(cohortEnd)
              && story.viewedPageBefore("credit_report", campaign)
              && !story.didBetween("P2P_InvestSuccess", Instant.EPOCH, campaign);
      if (!inSegment) {
        continue;
      }
      boolean isPushed = story.receivedPush(Catalog.CREDIT_REPORT_CAMPAIGN);
      targeted++;
      targetedAndPushed += isPushed ? 1 : 0;
      Instant visit = story.firstBetween(List.of("$AppStart", "$pageview"), campaign, effectEnd);
      if (visit != null) {
        long[] group = isPushed ? pushed : holdout;
        group[0]++;
        group[1] += story.didBetween("P2P_InvestSuccess", visit, visit.plus(window)) ? 1 : 0;
      }
    }
    // Only the segment is pushed, half of it; the other half is the holdout.
    assertThat(count(s -> s.receivedPush(Catalog.CREDIT_REPORT_CAMPAIGN)))
        .isEqualTo(targetedAndPushed);
    assertThat(targetedAndPushed / (double) targeted).isCloseTo(0.5, within(0.1));
    assertThat(pushed[0]).as("pushed users who came back").isGreaterThan(100);
    assertThat(holdout[0]).as("held-out users who came back").isGreaterThan(100);
    String figures =
        "pushed: %d of %d converted, held out: %d of %d"
            .formatted(pushed[1], pushed[0], holdout[1], holdout[0]);
    assertThat(rate(pushed)).as("pushed conversion; " + figures).isBetween(0.19, 0.31);
    assertThat(rate(holdout)).as("held-out conversion; " + figures).isBetween(0.11, 0.22);
    assertThat(rate(pushed) - rate(holdout)).as("uplift; " + figures).isBetween(0.04, 0.15);
    // Significant at 95 % with this many users: the pooled two-proportion z-test.
    double pooled = (pushed[1] + holdout[1]) / (double) (pushed[0] + holdout[0]);
    double error = Math.sqrt(pooled * (1 - pooled) * (1.0 / pushed[0] + 1.0 / holdout[0]));
    assertThat((rate(pushed) - rate(holdout)) / error).as("z; " + figures).isGreaterThan(1.96);
  }
}
