package dev.sextant.security.users;

/**
 * What a console user may do. The access rules of every HTTP API are written against these roles
 * ({@code dev.sextant.security.access.AccessRules}); they are enforced on the server, the console
 * only hides what a role cannot use.
 */
public enum Role {
  /** Everything, including users, API keys and the audit log. */
  ADMIN,
  /**
   * Analyses, segments and campaigns, over the events of their business lines and the shared ones.
   */
  ANALYST,
  /** Looks up one user's profile and action sequence; every lookup is audited. */
  CUSTOMER_SERVICE,
  /** Edits the tracking plan and works the quarantine. */
  PLAN_DEVELOPER;

  /** The Spring Security authority granted to holders of this role. */
  public String authority() {
    return "ROLE_" + name();
  }
}
