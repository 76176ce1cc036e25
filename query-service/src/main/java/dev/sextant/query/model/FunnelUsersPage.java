package dev.sextant.query.model;

import java.util.List;

/**
 * A page of a funnel's drill-down ({@link FunnelUsers}), in ascending user id order.
 *
 * @param users up to the page's limit of users
 * @param nextAfter the cursor of the next page (its last user id); null on the last page
 * @param total how many users the whole list has
 */
public record FunnelUsersPage(List<String> users, String nextAfter, long total) {

  public FunnelUsersPage {
    users = List.copyOf(users);
  }
}
