package dev.sextant.store;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Lists of users kept next to a project's events, so an analysis can read "users in the list" as a
 * subquery of the same engine: materialised segment snapshots ({@code segment_members_<project>}:
 * segment id, snapshot id, user id) and campaign audiences ({@code campaign_members_<project>}:
 * campaign id, user id, held out). Both adapters implement it next to {@link EventStore}; the
 * tables are created on first write. Reading is plain SQL through {@link EventQueries#select}.
 */
public interface UserLists {

  /** Ids of segments, snapshots and campaigns: safe in any SQL literal, so never escaped. */
  Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /**
   * Runs {@code members} in the engine and stores its rows as the snapshot, in the engine (no row
   * travels through the JVM); durable on return.
   *
   * @param members a SELECT in the engine's dialect whose one column {@code user_id} names each
   *     member once
   * @return the number of users stored
   */
  long storeSnapshot(String project, String segmentId, String snapshotId, String members);

  /** Stores who a campaign targets and who it holds out; durable on return. */
  void storeAudience(
      String project, String campaignId, List<String> targeted, List<String> heldOut);

  static String requireId(String id, String what) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(what + " must match " + ID.pattern() + ": " + id);
    }
    return id;
  }
}
