package dev.sextant.security.access;

import static dev.sextant.security.users.Role.ADMIN;
import static dev.sextant.security.users.Role.ANALYST;
import static dev.sextant.security.users.Role.CUSTOMER_SERVICE;
import static dev.sextant.security.users.Role.PLAN_DEVELOPER;

import dev.sextant.security.users.Role;
import java.util.Arrays;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Which role may call which HTTP API: the one place where access is decided. Anything not listed is
 * for admins only, so a new endpoint is closed until someone opens it here. Scoping an analyst to
 * business lines happens in the query service, which knows what events a request reads.
 */
public final class AccessRules {

  /**
   * The collector's paths, including the SDKs' debug mode: anyone may call them, with no session
   * and no CSRF token; the collector checks project API keys itself.
   */
  public static final String[] COLLECTOR_PATHS = {
    "/sa", "/sa.gif", "/debug", "/api/v1/events", "/api/v1/events/**"
  };

  static final String[] PROBES = {
    "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus"
  };

  static final String[] CONSOLE_FILES = {
    "/", "/index.html", "/assets/**", "/*.svg", "/*.ico", "/*.png"
  };

  private AccessRules() {}

  public static void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules) {
    rules
        .requestMatchers(COLLECTOR_PATHS)
        .permitAll()
        .requestMatchers("/error")
        .permitAll()
        .requestMatchers(PROBES)
        .permitAll()
        .requestMatchers(HttpMethod.GET, CONSOLE_FILES)
        .permitAll()
        // Reading the session (signed in or not) and signing in; signing in is throttled.
        .requestMatchers("/api/v1/session")
        .permitAll()
        .requestMatchers("/api/v1/session/**")
        .authenticated()
        .requestMatchers("/api/v1/admin/**")
        .hasRole(ADMIN.name())
        .requestMatchers("/api/v1/projects/*/keys", "/api/v1/projects/*/keys/**")
        .hasRole(ADMIN.name())
        // One user's profile and actions: customer service (audited).
        .requestMatchers("/api/v1/projects/*/users/**")
        .hasAnyRole(names(ADMIN, CUSTOMER_SERVICE))
        .requestMatchers(
            "/api/v1/projects/*/analyses/**",
            // Items describe products and articles, not people: analysts read them too.
            "/api/v1/projects/*/items/**",
            "/api/v1/projects/*/segments",
            "/api/v1/projects/*/segments/**",
            "/api/v1/projects/*/campaigns",
            "/api/v1/projects/*/campaigns/**")
        .hasAnyRole(names(ADMIN, ANALYST))
        // Everyone reads the plan (display names); developers change it.
        .requestMatchers(HttpMethod.GET, "/api/v1/projects/*/plan", "/api/v1/projects/*/plan/**")
        .authenticated()
        .requestMatchers("/api/v1/projects/*/plan", "/api/v1/projects/*/plan/**")
        .hasAnyRole(names(ADMIN, PLAN_DEVELOPER))
        // Data quality: the quarantine, and the ingestion rates and freshness it is read with.
        .requestMatchers(
            "/api/v1/projects/*/quarantine",
            "/api/v1/projects/*/quarantine/**",
            "/api/v1/projects/*/ingestion")
        .hasAnyRole(names(ADMIN, PLAN_DEVELOPER))
        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**")
        .authenticated()
        .anyRequest()
        .hasRole(ADMIN.name());
  }

  private static String[] names(Role... roles) {
    return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
  }
}
