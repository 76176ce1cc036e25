package dev.sextant.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact SQL sent: literals escaped, nothing 18.16 lacks. */
class ClickHouseEventStatementsTest {

  @Test
  void selectsAUsersEventsNewestFirst() {
    assertThat(ClickHouseEventStatements.selectUserEvents("demo", List.of("o'brien\\", "u2"), 20))
        .isEqualTo(
            """
            SELECT *
            FROM events_by_user_demo
            WHERE project = 'demo' AND distinct_id IN ('o\\'brien\\\\', 'u2')
            ORDER BY time_ms DESC, received_at_ms DESC, insert_id DESC
            LIMIT 1 BY insert_id
            LIMIT 20\
            """);
  }

  @Test
  void readsATablesColumnsFromTheSystemTables() {
    assertThat(ClickHouseEventStatements.selectColumns("events_demo"))
        .isEqualTo(
            """
            SELECT name, type
            FROM system.columns
            WHERE database = currentDatabase() AND table = 'events_demo'\
            """);
  }

  @Test
  void refusesAProjectThatCannotNameATable() {
    assertThatThrownBy(() -> ClickHouseEventStatements.selectUserEvents("a; DROP", List.of("u"), 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void selectsAProjectsQuarantineNewestFirst() {
    assertThat(ClickHouseEventStatements.selectQuarantined("理财", 5))
        .isEqualTo(
            """
            SELECT project, quarantine_id, received_at_ms, reasons, payload
            FROM quarantine
            WHERE project = '理财'
            ORDER BY received_at_ms DESC, quarantine_id DESC
            LIMIT 1 BY quarantine_id
            LIMIT 5\
            """);
  }
}
