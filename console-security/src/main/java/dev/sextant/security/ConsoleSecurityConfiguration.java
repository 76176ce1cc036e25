package dev.sextant.security;

import dev.sextant.security.access.AccessRules;
import dev.sextant.security.access.ConsoleActors;
import dev.sextant.security.audit.AuditController;
import dev.sextant.security.audit.AuditFilter;
import dev.sextant.security.audit.AuditLog;
import dev.sextant.security.audit.JdbcAuditLog;
import dev.sextant.security.signin.AccountStateFilter;
import dev.sextant.security.signin.LoginThrottle;
import dev.sextant.security.signin.LoginThrottleFilter;
import dev.sextant.security.signin.ProblemResponses;
import dev.sextant.security.signin.SessionController;
import dev.sextant.security.signin.SignInHandlers;
import dev.sextant.security.signin.SignInThrottles;
import dev.sextant.security.users.ConsoleUserController;
import dev.sextant.security.users.ConsoleUserStorage;
import dev.sextant.security.users.ConsoleUsers;
import dev.sextant.security.users.FirstAdmin;
import dev.sextant.security.users.JdbcConsoleUserStorage;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Console security for a service that serves the console or its APIs (the all-in-one server, the
 * query service, the schema registry): session sign-in with CSRF protection for the single-page
 * console, the access rules of every API ({@link AccessRules}), account state checks, sign-in
 * throttling and the audit log. The collector's endpoints stay open: they check API keys.
 *
 * <p>Needs a {@code DataSource} migrated by the registry's Flyway migrations (V5) and a {@link
 * Clock}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
@Import({
  SessionController.class,
  ConsoleUserController.class,
  AuditController.class,
  SecurityProblems.class
})
public class ConsoleSecurityConfiguration {

  @Bean
  ConsoleUserStorage consoleUserStorage(DataSource dataSource) {
    return new JdbcConsoleUserStorage(dataSource);
  }

  @Bean
  AuditLog auditLog(DataSource dataSource) {
    return new JdbcAuditLog(dataSource);
  }

  /** bcrypt, behind the delegating encoder so that a stronger scheme can be adopted later. */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  ConsoleUsers consoleUsers(ConsoleUserStorage storage, PasswordEncoder encoder, Clock clock) {
    return new ConsoleUsers(storage, encoder, clock);
  }

  @Bean
  ConsoleActors consoleActors(ConsoleUserStorage storage) {
    return new ConsoleActors(storage);
  }

  @Bean
  FirstAdmin firstAdmin(
      ConsoleUserStorage storage, ConsoleUsers users, SecurityProperties properties) {
    return new FirstAdmin(storage, users, properties.initialAdminPassword(), System.out);
  }

  @Bean
  UserDetailsService consoleUserDetails(ConsoleUserStorage storage) {
    return username ->
        storage
            .find(username)
            .map(user ->
                User.withUsername(user.username())
                    .password(user.passwordHash())
                    .disabled(!user.enabled())
                    .authorities(AuthorityUtils.createAuthorityList(user.role().authority()))
                    .build())
            .orElseThrow(() -> new UsernameNotFoundException("no such user"));
  }

  @Bean
  SignInThrottles signInThrottles(SecurityProperties properties, Clock clock) {
    int maxFailures = properties.signIn().maxFailures();
    return new SignInThrottles(
        new LoginThrottle(maxFailures, properties.signIn().window(), clock),
        new LoginThrottle(
            maxFailures * SignInThrottles.ADDRESS_FACTOR, properties.signIn().window(), clock));
  }

  @Bean
  SecurityFilterChain consoleSecurity(
      HttpSecurity http,
      ConsoleUserStorage users,
      SignInThrottles throttles,
      AuditLog audit,
      JsonMapper json,
      Clock clock) {
    ProblemResponses problems = new ProblemResponses(json);
    SignInHandlers handlers = new SignInHandlers(users, throttles, audit, problems, json, clock);
    http.authorizeHttpRequests(AccessRules::apply)
        .csrf(csrf ->
            csrf.spa()
                // The collector takes events from apps, pages and back ends of any origin,
                // with no cookie: API keys, not sessions, authorise it.
                .ignoringRequestMatchers(AccessRules.COLLECTOR_PATHS))
        .formLogin(login ->
            login
                .loginPage("/")
                .loginProcessingUrl(SignInHandlers.SESSION_PATH)
                .successHandler(handlers)
                .failureHandler(handlers)
                .permitAll())
        .logout(logout ->
            logout
                .logoutRequestMatcher(
                    PathPatternRequestMatcher.withDefaults()
                        .matcher(HttpMethod.DELETE, SignInHandlers.SESSION_PATH))
                .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler()))
        .exceptionHandling(
            errors -> errors.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
        .httpBasic(basic -> basic.disable())
        .requestCache(cache -> cache.disable())
        .addFilterBefore(
            new LoginThrottleFilter(throttles, problems, audit, clock),
            UsernamePasswordAuthenticationFilter.class)
        .addFilterBefore(new AuditFilter(audit, clock), ExceptionTranslationFilter.class)
        .addFilterAfter(new AccountStateFilter(users, problems), ExceptionTranslationFilter.class)
        .headers(headers ->
            headers.contentSecurityPolicy(csp ->
                csp.policyDirectives(
                    "default-src 'self'; img-src 'self' data:; style-src 'self'"
                        + " 'unsafe-inline'; frame-ancestors 'none'")));
    return http.build();
  }
}
