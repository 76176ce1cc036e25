package dev.sextant.query.sql;

import static dev.sextant.query.sql.CompilerFixtures.DIALECTS;
import static dev.sextant.query.sql.CompilerFixtures.source;

import dev.sextant.query.model.EventAnalysis;
import dev.sextant.query.model.EventCriteria;
import dev.sextant.query.model.Filter;
import dev.sextant.query.model.Granularity;
import dev.sextant.query.model.Literal;
import dev.sextant.query.model.Measure;
import dev.sextant.query.model.Metric;
import dev.sextant.query.model.Operator;
import dev.sextant.query.model.TimeRange;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The new-users measure of event analysis: a user's first event over the whole store. */
class NewUsersCompilerTest {

  @Test
  void newUsersByOsCompileToPinnedSql() {
    EventAnalysis analysis =
        new EventAnalysis(
            List.of(
                new Metric(
                    EventCriteria.named("$AppViewScreen", "$pageview"), new Measure.NewUsers()),
                Metric.activeUsers()),
            Filter.where("vip", Operator.EQ, Literal.of(false)),
            List.of("$os"),
            new TimeRange(
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8), ZoneId.of("Asia/Shanghai")),
            Granularity.DAY,
            false);
    for (SqlDialect dialect : DIALECTS) {
      GoldenSql.assertMatches(
          "new-users",
          dialect,
          new EventAnalysisCompiler(source(dialect)).compile(analysis).statements());
    }
  }
}
