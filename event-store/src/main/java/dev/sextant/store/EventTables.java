package dev.sextant.store;

import java.util.regex.Pattern;

/**
 * The names of a project's event tables, the same on both engines: one table per project, so that
 * two projects may give a property different types and a project's data can be dropped alone.
 */
public final class EventTables {

  /** Project names are identifiers, so a table name built from one needs no escaping. */
  private static final Pattern PROJECT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private EventTables() {}

  /** {@code events_<project>}. */
  public static String events(String project) {
    return "events_" + requireProject(project);
  }

  /** {@code events_by_user_<project>}: the user-sorted copy (ClickHouse). */
  public static String eventsByUser(String project) {
    return "events_by_user_" + requireProject(project);
  }

  /** {@code events_by_user_mv_<project>}: the view that feeds the copy (ClickHouse). */
  public static String eventsByUserView(String project) {
    return "events_by_user_mv_" + requireProject(project);
  }

  /**
   * {@code id_links_<project>}: which login id each anonymous id signed up as. Created with the
   * project's events table, so it exists whenever the events do.
   */
  public static String idLinks(String project) {
    return "id_links_" + requireProject(project);
  }

  /** {@code segment_members_<project>}: materialised segment snapshots ({@link UserLists}). */
  public static String segmentMembers(String project) {
    return "segment_members_" + requireProject(project);
  }

  /** {@code campaign_members_<project>}: campaign audiences ({@link UserLists}). */
  public static String campaignMembers(String project) {
    return "campaign_members_" + requireProject(project);
  }

  /**
   * {@code profile_updates_<project>}: the log of the project's profile updates, folded into
   * profiles when read ({@code ProfileFolding}). Created with the project's first update.
   */
  public static String profileUpdates(String project) {
    return "profile_updates_" + requireProject(project);
  }

  /**
   * {@code item_updates_<project>}: the log of the project's item updates, folded into items when
   * read ({@code ItemFolding}). Created with the project's first update.
   */
  public static String itemUpdates(String project) {
    return "item_updates_" + requireProject(project);
  }

  private static String requireProject(String project) {
    if (project == null || !PROJECT.matcher(project).matches()) {
      throw new IllegalArgumentException("not a project name usable in a table name: " + project);
    }
    return project;
  }
}
