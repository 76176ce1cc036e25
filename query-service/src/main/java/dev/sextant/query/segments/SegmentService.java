package dev.sextant.query.segments;

import dev.sextant.query.campaign.Holdout;
import dev.sextant.query.engine.AnalysisEngine;
import dev.sextant.query.model.FunnelAnalysis;
import dev.sextant.query.model.FunnelResult;
import dev.sextant.query.model.InvalidQueryException;
import dev.sextant.query.model.Segment;
import dev.sextant.query.model.SegmentRule;
import dev.sextant.query.sql.EventSource;
import dev.sextant.query.sql.UserListSql;
import dev.sextant.store.UserLists;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operations loop of the case study: save a segment, preview its size, materialise a snapshot
 * into the event store, export it, run a campaign with a holdout on it, and measure the effect on a
 * funnel. Rules are validated (and compiled) on every use, against the project's columns then.
 */
public final class SegmentService {

  /** The most members one page may hold. */
  public static final int MAX_PAGE = 10_000;

  private final AnalysisEngine engine;
  private final UserLists lists;
  private final SegmentStorage storage;
  private final Clock clock;
  private final Duration timeout;

  public SegmentService(
      AnalysisEngine engine,
      UserLists lists,
      SegmentStorage storage,
      Clock clock,
      Duration timeout) {
    this.engine = engine;
    this.lists = lists;
    this.storage = storage;
    this.clock = clock;
    this.timeout = timeout;
  }

  public SavedSegment create(
      String project, String name, JsonNode rule, Refresh refresh, ZoneId zone) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new InvalidQueryException("name", "1 to 200 characters");
    }
    SegmentRule parsed = SegmentRequests.rule(rule, "rule", zone);
    // Compiled once now, so a rule naming unknown properties is refused when saved.
    engine.explainMembers(project, new Segment(parsed, asOf(null, zone), zone));
    SavedSegment saved =
        new SavedSegment(
            UUID.randomUUID().toString(), name, rule.toString(), refresh, clock.instant());
    storage.save(project, saved);
    return saved;
  }

  public SavedSegment find(String project, String id) {
    return storage.find(project, id).orElseThrow(() -> new SegmentNotFoundException("segment", id));
  }

  public List<SavedSegment> list(String project) {
    return storage.list(project);
  }

  public void delete(String project, String id) {
    if (!storage.delete(project, id)) {
      throw new SegmentNotFoundException("segment", id);
    }
  }

  /**
   * The segment an analysis request names in its {@code segment} field: {@code {"id": <saved>}} or
   * {@code {"rule": ...}}, with an optional {@code "as_of"} (default today).
   */
  public Segment segment(String project, JsonNode spec, ZoneId zone) {
    if (spec == null || !spec.isObject() || spec.has("id") == spec.has("rule")) {
      throw new InvalidQueryException("segment", "{\"id\": <saved segment>} or {\"rule\": ...}");
    }
    JsonNode asOfNode = spec.get("as_of");
    LocalDate asOf =
        asOfNode == null || asOfNode.isNull()
            ? null
            : SegmentRequests.date(asOfNode, "segment.as_of");
    if (spec.has("id")) {
      if (!spec.get("id").isString()) {
        throw new InvalidQueryException("segment.id", "must be a string");
      }
      return segmentOf(project, spec.get("id").asString(), asOf, zone);
    }
    return new Segment(
        SegmentRequests.rule(spec.get("rule"), "segment.rule", zone), asOf(asOf, zone), zone);
  }

  /** The live count of a rule being edited. */
  public long preview(String project, JsonNode rule, LocalDate asOf, ZoneId zone) {
    Segment segment = new Segment(SegmentRequests.rule(rule, "rule", zone), asOf(asOf, zone), zone);
    return engine.count(project, segment, timeout);
  }

  /** Evaluates a saved segment as of a date and stores its members as a new snapshot. */
  public Snapshot snapshot(String project, String segmentId, LocalDate asOf, ZoneId zone) {
    Segment segment = segmentOf(project, segmentId, asOf, zone);
    String snapshotId = UUID.randomUUID().toString();
    long users =
        engine.columns(project).isEmpty()
            ? 0
            : lists.storeSnapshot(
                project, segmentId, snapshotId, engine.explainMembers(project, segment));
    Snapshot snapshot = new Snapshot(segmentId, snapshotId, segment.asOf(), users, clock.instant());
    storage.save(project, snapshot);
    return snapshot;
  }

  /**
   * Snapshots every scheduled segment whose refresh is due (as of today in its project's zone); the
   * snapshots made. A segment that fails (its rule no longer compiles, the engine is down) fails
   * alone: the others are still refreshed, and the first failure is thrown at the end.
   */
  public List<Snapshot> refreshDue(Function<String, ZoneId> zones) {
    List<Snapshot> made = new ArrayList<>();
    RuntimeException failure = null;
    for (SegmentStorage.Scheduled scheduled : storage.scheduled()) {
      String project = scheduled.project();
      SavedSegment segment = scheduled.segment();
      List<Snapshot> history = storage.snapshots(project, segment.id());
      Instant latest = history.isEmpty() ? null : history.getFirst().createdAt();
      if (!segment.refresh().isDue(latest, clock.instant())) {
        continue;
      }
      try {
        ZoneId zone = zones.apply(project);
        made.add(snapshot(project, segment.id(), null, zone));
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return made;
  }

  public List<Snapshot> snapshots(String project, String segmentId) {
    find(project, segmentId);
    return storage.snapshots(project, segmentId);
  }

  /** A page of a snapshot's members, in the engine's string order, after {@code after}. */
  public List<String> members(
      String project, String segmentId, String snapshotId, String after, int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new InvalidQueryException("limit", "must be 1 to " + MAX_PAGE);
    }
    Snapshot snapshot = snapshotOf(project, segmentId, snapshotId);
    UserListSql sql = new UserListSql(engine.dialect(), project);
    return engine.userIds(
        project, sql.page(sql.snapshot(segmentId, snapshot.id()), after, limit), timeout);
  }

  /** Targets a snapshot, holding out {@code holdoutPercent} % of it (deterministic per user). */
  public Campaign createCampaign(
      String project, String name, String segmentId, String snapshotId, int holdoutPercent) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new InvalidQueryException("name", "1 to 200 characters");
    }
    if (holdoutPercent < 0 || holdoutPercent > 90) {
      throw new InvalidQueryException("holdout_percent", "must be 0 to 90");
    }
    Snapshot snapshot = snapshotOf(project, segmentId, snapshotId);
    String id = UUID.randomUUID().toString();
    UserListSql sql = new UserListSql(engine.dialect(), project);
    // The whole audience passes through the JVM once, to be split by the holdout's hash.
    List<String> members =
        engine.userIds(
            project,
            sql.page(sql.snapshot(segmentId, snapshot.id()), null, Integer.MAX_VALUE),
            timeout);
    Holdout.Split split = new Holdout(id, holdoutPercent).split(members);
    lists.storeAudience(project, id, split.targeted(), split.heldOut());
    Campaign campaign =
        new Campaign(
            id,
            name,
            segmentId,
            snapshot.id(),
            holdoutPercent,
            split.targeted().size(),
            split.heldOut().size(),
            clock.instant());
    storage.save(project, campaign);
    return campaign;
  }

  public Campaign findCampaign(String project, String id) {
    return storage
        .findCampaign(project, id)
        .orElseThrow(() -> new SegmentNotFoundException("campaign", id));
  }

  /** The project's campaigns, newest first. */
  public List<Campaign> campaigns(String project) {
    return storage.campaigns(project);
  }

  /** The funnel for the targeted users, the holdout, and everyone not in the audience. */
  public EffectReport effect(String project, String campaignId, FunnelAnalysis funnel) {
    if (funnel.groupBy() != null) {
      throw new InvalidQueryException("funnel.group_by", "an effect report compares groups itself");
    }
    Campaign campaign = findCampaign(project, campaignId);
    UserListSql sql = new UserListSql(engine.dialect(), project);
    return EffectReport.of(
        funnel(project, funnel, s -> s.restrictedTo(sql.audience(campaign.id(), false))),
        funnel(project, funnel, s -> s.restrictedTo(sql.audience(campaign.id(), true))),
        funnel(project, funnel, s -> s.excluding(sql.everyone(campaign.id()))));
  }

  /**
   * The funnel for each segment's members, in the map's order, the first compared with the others:
   * e.g. the case study's pushed and not pushed users.
   */
  public SegmentComparison compare(
      String project,
      Map<String, SegmentRule> rules,
      LocalDate asOf,
      ZoneId zone,
      FunnelAnalysis funnel) {
    if (rules.size() < 2 || rules.size() > 5) {
      throw new InvalidQueryException("segments", "compare 2 to 5 segments");
    }
    if (funnel.groupBy() != null) {
      throw new InvalidQueryException("funnel.group_by", "a comparison groups by segment itself");
    }
    Map<String, Segment> segments = new LinkedHashMap<>();
    rules.forEach((name, rule) -> segments.put(name, new Segment(rule, asOf(asOf, zone), zone)));
    return SegmentComparison.of(
        engine.compareSegments(project, funnel, segments, timeout, FunnelResult.class));
  }

  private FunnelResult funnel(
      String project, FunnelAnalysis funnel, UnaryOperator<EventSource> scope) {
    return engine.run(project, funnel, scope, timeout, FunnelResult.class);
  }

  private Segment segmentOf(String project, String segmentId, LocalDate asOf, ZoneId zone) {
    SavedSegment saved = find(project, segmentId);
    JsonNode rule = JsonMapper.shared().readTree(saved.rule());
    return new Segment(SegmentRequests.rule(rule, "rule", zone), asOf(asOf, zone), zone);
  }

  private Snapshot snapshotOf(String project, String segmentId, String snapshotId) {
    find(project, segmentId);
    return storage
        .findSnapshot(project, segmentId, snapshotId)
        .orElseThrow(() -> new SegmentNotFoundException("snapshot", snapshotId));
  }

  /** The evaluation date: the one given, else today in the project's zone. */
  private LocalDate asOf(LocalDate asOf, ZoneId zone) {
    return asOf != null ? asOf : LocalDate.now(clock.withZone(zone));
  }
}
