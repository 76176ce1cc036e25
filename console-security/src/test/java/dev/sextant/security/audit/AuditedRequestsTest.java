package dev.sextant.security.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.security.audit.AuditedRequests.Audited;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditedRequestsTest {

  @Test
  void auditsAUserSequenceLookupWithTheDecodedUserId() {
    assertThat(
            AuditedRequests.match(
                "GET", "/api/v1/projects/demo/users/%E5%BC%A0%E4%B8%89%2B1/events"))
        .contains(new Audited(AuditAction.USER_SEQUENCE_VIEWED, "demo", "张三+1"));
  }

  @ParameterizedTest
  @CsvSource({
    "GET, /api/v1/projects/p/users/u1/profile, USER_PROFILE_VIEWED, u1",
    "GET, /api/v1/projects/p/segments/s1/snapshots/n1/members, SEGMENT_MEMBERS_EXPORTED, s1/n1",
    "GET, /api/v1/projects/p/segments/s1/snapshots/n1/members.csv, SEGMENT_MEMBERS_EXPORTED, s1/n1",
    "POST, /api/v1/projects/p/analyses/funnels/users, FUNNEL_USERS_EXPORTED, ",
    "POST, /api/v1/projects/p/analyses/funnels/users.csv, FUNNEL_USERS_EXPORTED, ",
    "POST, /api/v1/projects/p/keys/k1/rotate, API_KEY_ROTATED, k1",
    "DELETE, /api/v1/projects/p/keys/k1, API_KEY_REVOKED, k1",
    "POST, /api/v1/projects/p/quarantine/replay, QUARANTINE_REPLAYED, ",
    "PUT, /api/v1/admin/users/li.lei, CONSOLE_USER_CHANGED, li.lei",
  })
  void auditsLookupsExportsAndAccountChanges(
      String method, String path, AuditAction action, String subject) {
    assertThat(AuditedRequests.match(method, path))
        .hasValueSatisfying(audited -> {
          assertThat(audited.action()).isEqualTo(action);
          assertThat(audited.subject()).isEqualTo(subject);
        });
  }

  @ParameterizedTest
  @CsvSource({
    "POST, /api/v1/projects/p/users/u1/events",
    "GET, /api/v1/projects/p/users/u1/events/extra",
    "GET, /api/v1/projects/p/users//events",
    "GET, /api/v1/projects/p/plan",
    "GET, /api/v1/projects/p/quarantine",
    "POST, /api/v1/projects/p/analyses/funnels",
    "POST, /api/v1/projects/p/analyses/funnels/users/sql",
    "GET, /api/v1/projects/p/analyses/funnels/users",
    "GET, relative/path",
  })
  void leavesOtherRequestsOut(String method, String path) {
    assertThat(AuditedRequests.match(method, path)).isEmpty();
  }
}
