package dev.sextant.query.segments;

import java.util.List;
import java.util.Optional;

/** Where segments, snapshots and campaigns are kept (metadata only; members are elsewhere). */
public interface SegmentStorage {

  void save(String project, SavedSegment segment);

  Optional<SavedSegment> find(String project, String id);

  /** The project's segments, newest first. */
  List<SavedSegment> list(String project);

  /** A segment that refreshes on a schedule, with its project. */
  record Scheduled(String project, SavedSegment segment) {}

  /** Every project's segments with a refresh other than {@link Refresh#NONE}. */
  List<Scheduled> scheduled();

  /** Deletes a segment with its snapshots' records; whether it existed. */
  boolean delete(String project, String id);

  void save(String project, Snapshot snapshot);

  Optional<Snapshot> findSnapshot(String project, String segmentId, String id);

  /** A segment's snapshots, newest first: the history of its size. */
  List<Snapshot> snapshots(String project, String segmentId);

  void save(String project, Campaign campaign);

  Optional<Campaign> findCampaign(String project, String id);

  /** The project's campaigns, newest first. */
  List<Campaign> campaigns(String project);
}
