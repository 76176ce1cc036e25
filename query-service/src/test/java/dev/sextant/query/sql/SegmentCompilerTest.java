package dev.sextant.query.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.query.model.EventCriteria;
import dev.sextant.query.model.EventWindow;
import dev.sextant.query.model.Filter;
import dev.sextant.query.model.Frequency;
import dev.sextant.query.model.Frequency.Threshold;
import dev.sextant.query.model.InvalidQueryException;
import dev.sextant.query.model.Literal;
import dev.sextant.query.model.Operator;
import dev.sextant.query.model.Segment;
import dev.sextant.query.model.SegmentRule;
import dev.sextant.query.model.TimeRange;
import dev.sextant.store.ColumnType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SegmentCompilerTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** The case study's segment: signed up in January, viewed the credit report, never invested. */
  static final Segment CASE_STUDY =
      new Segment(
          SegmentRule.all(
              new SegmentRule.FirstDid(
                  EventCriteria.named("SignUp")
                      .where(Filter.where("$os", Operator.EQ, Literal.of("iOS"))),
                  EventWindow.between(
                      TimeRange.of(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 1, 31)))),
              SegmentRule.did(
                  EventCriteria.named("$AppViewScreen")
                      .where(Filter.where("$url", Operator.EQ, Literal.of("credit_report"))),
                  EventWindow.lastDays(45)),
              new SegmentRule.Behaviour(
                  false,
                  EventCriteria.named("Invest"),
                  EventWindow.ever(),
                  new Frequency.Sum("amount", Threshold.MORE_THAN, BigDecimal.ZERO))),
          LocalDate.of(2017, 2, 14),
          SHANGHAI);

  @Test
  void compilesTheCaseStudySegmentOnBothDialects() {
    for (SqlDialect dialect : CompilerFixtures.DIALECTS) {
      SegmentCompiler compiler = new SegmentCompiler(CompilerFixtures.source(dialect));
      GoldenSql.assertMatches("segment-case-study", dialect, List.of(compiler.members(CASE_STUDY)));
      assertThat(compiler.count(CASE_STUDY).statements()).hasSize(1);
    }
  }

  @Test
  void aSumOfAPropertyWithoutAColumnIsDecidedInJava() {
    Segment noColumn =
        new Segment(
            new SegmentRule.Behaviour(
                true,
                EventCriteria.anyEvent(),
                EventWindow.ever(),
                new Frequency.Sum("amount", Threshold.AT_LEAST, BigDecimal.ZERO)),
            LocalDate.of(2017, 2, 14),
            SHANGHAI);
    EventSource planned =
        new EventSource(
            new DuckDbDialect(),
            "demo",
            new PropertyCatalog(
                "demo", (project, property) -> Optional.of(ColumnType.NUMBER), Map.of()));
    assertThat(new SegmentCompiler(planned).members(noColumn))
        .endsWith("WHERE " + SqlCondition.TRUE);
  }

  @Test
  void refusesASumOfANonNumberWithTheRulePath() {
    Segment text =
        new Segment(
            SegmentRule.any(
                SegmentRule.did(EventCriteria.anyEvent(), EventWindow.ever()),
                new SegmentRule.Behaviour(
                    true,
                    EventCriteria.anyEvent(),
                    EventWindow.ever(),
                    new Frequency.Sum("$os", Threshold.AT_LEAST, BigDecimal.ONE))),
            LocalDate.of(2017, 2, 14),
            SHANGHAI);
    SegmentCompiler compiler = new SegmentCompiler(CompilerFixtures.source(new DuckDbDialect()));
    assertThatThrownBy(() -> compiler.members(text))
        .isInstanceOf(InvalidQueryException.class)
        .extracting(e -> ((InvalidQueryException) e).field())
        .isEqualTo("rule.rules[1].frequency.property");
  }

  @Test
  void refusesUnknownPropertiesAndBadPageSizes() {
    Segment unknown =
        new Segment(
            SegmentRule.did(
                EventCriteria.anyEvent().where(Filter.where("nope", Operator.IS_SET)),
                EventWindow.ever()),
            LocalDate.of(2017, 2, 14),
            SHANGHAI);
    SegmentCompiler compiler = new SegmentCompiler(CompilerFixtures.source(new DuckDbDialect()));
    assertThatThrownBy(() -> compiler.members(unknown)).isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(() -> compiler.page(CASE_STUDY, null, 0))
        .isInstanceOf(InvalidQueryException.class);
  }

  @Test
  void aRestrictedSourceReadsOnlyTheMembersEvents() {
    EventSource source = CompilerFixtures.source(new ClickHouseDialect());
    String members = new SegmentCompiler(source).members(CASE_STUDY);
    String relation = source.restrictedTo(members).relation(List.of(), null, null, "(1 = 1)");
    assertThat(relation).startsWith("(SELECT * FROM (SELECT ").contains("user_id IN (" + members);
  }
}
