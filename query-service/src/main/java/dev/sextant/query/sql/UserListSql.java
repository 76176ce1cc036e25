package dev.sextant.query.sql;

import static dev.sextant.query.sql.EventSource.USER;

import dev.sextant.store.EventTables;
import dev.sextant.store.UserLists;

/**
 * Subqueries of user ids over the stored lists ({@link UserLists}): a segment snapshot's members
 * and a campaign's targeted or held-out users, for {@link EventSource#restrictedTo} and {@link
 * EventSource#excluding}. Ids are checked against {@link UserLists#ID}, so they need no escaping
 * beyond the dialect's string literal.
 */
public final class UserListSql {

  private final SqlDialect dialect;
  private final String project;

  public UserListSql(SqlDialect dialect, String project) {
    this.dialect = dialect;
    this.project = project;
  }

  /** The members of a stored snapshot. */
  public String snapshot(String segmentId, String snapshotId) {
    return "SELECT "
        + USER
        + " FROM "
        + EventTables.segmentMembers(project)
        + " WHERE segment_id = "
        + id(segmentId, "segmentId")
        + " AND snapshot_id = "
        + id(snapshotId, "snapshotId");
  }

  /** A campaign's targeted users ({@code heldOut} false) or its holdout. */
  public String audience(String campaignId, boolean heldOut) {
    return everyone(campaignId) + " AND held_out = " + dialect.bool(heldOut);
  }

  /** Everyone a campaign's audience holds, targeted or held out. */
  public String everyone(String campaignId) {
    return "SELECT "
        + USER
        + " FROM "
        + EventTables.campaignMembers(project)
        + " WHERE campaign_id = "
        + id(campaignId, "campaignId");
  }

  /**
   * Up to {@code limit} users of {@code users} after {@code after} (null: from the first), in the
   * engine's string order: a keyset page.
   */
  public String page(String users, String after, int limit) {
    return "SELECT "
        + USER
        + " FROM ("
        + users
        + ") AS m"
        + (after == null ? "" : " WHERE " + USER + " > " + dialect.string(after))
        + " ORDER BY "
        + USER
        + " LIMIT "
        + limit;
  }

  /** The number of users of {@code users}. */
  public static String count(String users) {
    return "SELECT count(*) AS users FROM (" + users + ") AS m";
  }

  private String id(String id, String what) {
    return dialect.string(UserLists.requireId(id, what));
  }
}
