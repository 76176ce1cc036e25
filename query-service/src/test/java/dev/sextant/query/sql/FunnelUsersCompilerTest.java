package dev.sextant.query.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.query.model.FunnelAnalysis;
import dev.sextant.query.model.FunnelUsers;
import dev.sextant.query.model.FunnelUsers.Outcome;
import dev.sextant.query.model.FunnelUsersPage;
import dev.sextant.query.model.GroupKey;
import dev.sextant.query.model.InvalidQueryException;
import dev.sextant.store.ColumnType;
import dev.sextant.store.QueryRows;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The SQL of a funnel's drill-down, pinned per dialect; the semantics are checked against the
 * reference on real engines by the conformance suite.
 */
class FunnelUsersCompilerTest {

  private static final FunnelAnalysis FUNNEL = FunnelCompilerTest.FUNNEL;

  /** Users who got to Register but not to Invest, of the group amount = 100, after u7. */
  private static final FunnelUsers DROPPED_AT_INVEST =
      new FunnelUsers(FUNNEL, 3, Outcome.DROPPED, GroupKey.of(new BigDecimal("100.00")));

  @Test
  void clickHouseSqlIsTheReviewedOne() {
    GoldenSql.assertMatches(
        "funnel-users", new ClickHouseDialect(), page(new ClickHouseDialect(), DROPPED_AT_INVEST));
  }

  @Test
  void duckDbSqlIsTheReviewedOne() {
    GoldenSql.assertMatches(
        "funnel-users", new DuckDbDialect(), page(new DuckDbDialect(), DROPPED_AT_INVEST));
  }

  @Test
  void readsTheFunnelsOwnPerUserChains() {
    EventSource source = new EventSource(new DuckDbDialect(), "demo", FunnelCompilerTest.CATALOG);
    FunnelCompiler funnels = new FunnelCompiler(source);
    String chains = funnels.userChains(FUNNEL, ColumnType.NUMBER);
    assertThat(new FunnelUsersCompiler(source).users(DROPPED_AT_INVEST)).contains(chains);
    assertThat(funnels.compile(FUNNEL).statements().getFirst()).contains(chains);
  }

  @Test
  void reachedIsAtLeastTheStepAndDroppedExactlyTheStepBefore() {
    FunnelAnalysis ungrouped =
        new FunnelAnalysis(FUNNEL.steps(), FUNNEL.window(), FUNNEL.range(), null);
    assertThat(users(new FunnelUsers(ungrouped, 2, Outcome.REACHED, null)))
        .endsWith("WHERE level >= 2 AND (1 = 1)) AS m");
    assertThat(users(new FunnelUsers(ungrouped, 2, Outcome.DROPPED, null)))
        .endsWith("WHERE level = 1 AND (1 = 1)) AS m");
  }

  @Test
  void aGroupComparesWithTheChainsGroupInTheColumnsType() {
    assertThat(page(new ClickHouseDialect(), DROPPED_AT_INVEST).getFirst())
        .contains("(g = CAST(toDecimal128('100', 8) AS Nullable(String)))");
    FunnelAnalysis byOs =
        new FunnelAnalysis(FUNNEL.steps(), FUNNEL.window(), FUNNEL.range(), "$os");
    assertThat(users(new FunnelUsers(byOs, 1, Outcome.REACHED, GroupKey.of("iOS"))))
        .contains("(g = 'iOS')");
    assertThat(users(new FunnelUsers(byOs, 1, Outcome.REACHED, GroupKey.of((Object) null))))
        .contains("g IS NULL");
  }

  @Test
  void aDateGroupComparesWithTheDayAsEachEngineStoresIt() {
    PropertyCatalog withBirthday =
        PropertyCatalog.ofColumns(
            Map.of(
                "$os",
                ColumnType.STRING,
                "amount",
                ColumnType.NUMBER,
                "birthday",
                ColumnType.DATE));
    FunnelAnalysis byBirthday =
        new FunnelAnalysis(FUNNEL.steps(), FUNNEL.window(), FUNNEL.range(), "birthday");
    FunnelUsers request =
        new FunnelUsers(byBirthday, 1, Outcome.REACHED, GroupKey.of("1970-01-11"));
    assertThat(
            new FunnelUsersCompiler(new EventSource(new ClickHouseDialect(), "demo", withBirthday))
                .users(request))
        .contains("(g = 10)");
    assertThat(
            new FunnelUsersCompiler(new EventSource(new DuckDbDialect(), "demo", withBirthday))
                .users(request))
        .contains("(g = '1970-01-11')");
    assertThatThrownBy(() ->
            new FunnelUsersCompiler(new EventSource(new DuckDbDialect(), "demo", withBirthday))
                .users(new FunnelUsers(byBirthday, 1, Outcome.REACHED, GroupKey.of("11 Jan"))))
        .isInstanceOfSatisfying(
            InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("group.values[0]"));
  }

  @Test
  void refusesAGroupValueOfAnotherTypeThanTheProperty() {
    FunnelAnalysis byOs =
        new FunnelAnalysis(FUNNEL.steps(), FUNNEL.window(), FUNNEL.range(), "$os");
    assertThatThrownBy(
            () -> users(new FunnelUsers(byOs, 1, Outcome.REACHED, GroupKey.of(BigDecimal.ONE))))
        .isInstanceOfSatisfying(
            InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("group.values[0]"));
    assertThatThrownBy(() -> users(new FunnelUsers(FUNNEL, 1, Outcome.REACHED, GroupKey.of("x"))))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("NUMBER");
  }

  @Test
  void aPropertyWithoutAColumnHasOnlyTheNotSetGroup() {
    FunnelAnalysis byBrowser =
        new FunnelAnalysis(FUNNEL.steps(), FUNNEL.window(), FUNNEL.range(), "$browser");
    PropertyCatalog planned =
        new PropertyCatalog(
            "demo",
            (project, property) ->
                property.equals("$browser") ? Optional.of(ColumnType.STRING) : Optional.empty(),
            Map.of("$os", ColumnType.STRING, "amount", ColumnType.NUMBER));
    FunnelUsersCompiler compiler =
        new FunnelUsersCompiler(new EventSource(new DuckDbDialect(), "demo", planned));
    assertThat(compiler.users(new FunnelUsers(byBrowser, 1, Outcome.REACHED, GroupKey.of("x"))))
        .contains("(1 = 0)");
    assertThat(
            compiler.users(
                new FunnelUsers(byBrowser, 1, Outcome.REACHED, GroupKey.of((Object) null))))
        .contains("(1 = 1)")
        .doesNotContain("g IS NULL");
  }

  @Test
  void aPageReadsOneUserMoreToKnowWhetherAnotherPageFollows() {
    CompiledAnalysis<FunnelUsersPage> page =
        compiler(new DuckDbDialect()).page(DROPPED_AT_INVEST, null, 2);
    assertThat(page.statements().getFirst()).endsWith("ORDER BY user_id LIMIT 3");

    assertThat(page.assemble(List.of(ids("u1", "u2", "u3"), count(5))))
        .isEqualTo(new FunnelUsersPage(List.of("u1", "u2"), "u2", 5));
    assertThat(page.assemble(List.of(ids("u1", "u2"), count(2))))
        .isEqualTo(new FunnelUsersPage(List.of("u1", "u2"), null, 2));
    assertThat(page.assemble(List.of(ids(), new QueryRows(List.of("users"), List.of()))))
        .isEqualTo(new FunnelUsersPage(List.of(), null, 0));
  }

  @Test
  void refusesALimitOutsideOneToTenThousand() {
    FunnelUsersCompiler compiler = compiler(new DuckDbDialect());
    for (int limit : new int[] {0, -1, FunnelUsersCompiler.MAX_PAGE + 1}) {
      assertThatThrownBy(() -> compiler.page(DROPPED_AT_INVEST, null, limit))
          .isInstanceOfSatisfying(
              InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("limit"));
      assertThatThrownBy(() -> compiler.batch(DROPPED_AT_INVEST, null, limit))
          .isInstanceOf(InvalidQueryException.class);
    }
  }

  @Test
  void aBatchIsAKeysetPageWithoutTheCount() {
    CompiledAnalysis<List<String>> batch =
        compiler(new ClickHouseDialect()).batch(DROPPED_AT_INVEST, "u'7", 500);
    assertThat(batch.statements())
        .singleElement()
        .asString()
        .contains("AND user_id > 'u\\'7' ORDER BY user_id LIMIT 500");
    assertThat(batch.assemble(List.of(ids("u8", "u9")))).containsExactly("u8", "u9");
  }

  private static FunnelUsersCompiler compiler(SqlDialect dialect) {
    return new FunnelUsersCompiler(new EventSource(dialect, "demo", FunnelCompilerTest.CATALOG));
  }

  private static List<String> page(SqlDialect dialect, FunnelUsers request) {
    return compiler(dialect).page(request, "u7", 100).statements();
  }

  private static String users(FunnelUsers request) {
    return compiler(new DuckDbDialect()).users(request);
  }

  private static QueryRows ids(String... users) {
    return new QueryRows(
        List.of("user_id"), java.util.Arrays.stream(users).map(u -> List.<Object>of(u)).toList());
  }

  private static QueryRows count(long users) {
    return new QueryRows(List.of("users"), List.of(List.of(users)));
  }
}
