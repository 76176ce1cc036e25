package dev.sextant.demo.simulation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What to simulate: how many users over how many days from which first day, in which time zone, and
 * the seed that makes the run reproducible.
 *
 * @param project the project every event belongs to
 * @param users how many users (visitors, most of whom sign up) arrive over the period
 * @param days the length of the period, from {@code firstDay}
 * @param seed the same seed gives the same events, insert ids included
 * @param firstDay the first simulated day; the case study's defaults start on 2017-01-01
 * @param zone where the users live: days and hours of activity are local to it
 */
public record SimulationSettings(
    String project, int users, int days, long seed, LocalDate firstDay, ZoneId zone) {

  /** The case study's January 2017 cohort lives in the first month of the default period. */
  public static final LocalDate CASE_STUDY_FIRST_DAY = LocalDate.of(2017, 1, 1);

  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** The day of the period the case study's campaign pushes its segment (2017-02-15 there). */
  public static final int CASE_STUDY_CAMPAIGN_DAY = 45;

  public SimulationSettings {
    if (project == null || project.isBlank()) {
      throw new IllegalArgumentException("project must not be blank");
    }
    if (users < 1) {
      throw new IllegalArgumentException("users must be at least 1, was " + users);
    }
    if (days < 1 || days > 3650) {
      throw new IllegalArgumentException("days must be between 1 and 3650, was " + days);
    }
    Objects.requireNonNull(firstDay, "firstDay");
    Objects.requireNonNull(zone, "zone");
  }

  /** The case study's period: from 2017-01-01, in Asia/Shanghai. */
  public static SimulationSettings caseStudy(String project, int users, int days, long seed) {
    return new SimulationSettings(project, users, days, seed, CASE_STUDY_FIRST_DAY, SHANGHAI);
  }
}
