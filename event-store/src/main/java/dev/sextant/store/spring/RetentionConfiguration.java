package dev.sextant.store.spring;

import dev.sextant.store.EventStore;
import dev.sextant.store.retention.RetentionJob;
import dev.sextant.store.retention.RetentionPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the {@link RetentionJob} on a schedule in the processes that own the events' lifecycle (the
 * all-in-one server, the query service). Nothing runs when no project has a retention.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionProperties.class)
public class RetentionConfiguration {

  @Bean
  RetentionScheduler retentionScheduler(
      EventStore store, RetentionProperties properties, Clock clock) {
    return new RetentionScheduler(
        new RetentionJob(store, properties.policy(), clock),
        properties.policy(),
        properties.initialDelay(),
        properties.checkInterval());
  }

  /** Checks after the initial delay, then every check interval. */
  static final class RetentionScheduler implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RetentionScheduler.class);
    private final RetentionJob job;
    private final RetentionPolicy policy;
    private final Duration initialDelay;
    private final Duration interval;
    private ScheduledExecutorService executor;

    RetentionScheduler(
        RetentionJob job, RetentionPolicy policy, Duration initialDelay, Duration interval) {
      this.job = job;
      this.policy = policy;
      this.initialDelay = initialDelay;
      this.interval = interval;
    }

    @Override
    public synchronized void start() {
      if (policy.keepMonths().values().stream().allMatch(months -> months == 0)) {
        return;
      }
      executor =
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofPlatform().name("sextant-retention").daemon().factory());
      executor.scheduleWithFixedDelay(
          this::runOnce, initialDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
      log.info("Retention: {}", policy.keepMonths());
    }

    private void runOnce() {
      try {
        Map<String, List<YearMonth>> dropped = job.run();
        dropped.forEach((project, months) ->
            log.info("Retention for '{}': dropped the events of {}", project, months));
      } catch (RuntimeException e) {
        // Tried again at the next check; the store's error says what went wrong.
        log.warn("Retention check failed: {}", e.toString());
      }
    }

    @Override
    public synchronized void stop() {
      if (executor != null) {
        executor.shutdownNow();
        executor = null;
      }
    }

    @Override
    public synchronized boolean isRunning() {
      return executor != null;
    }

    @Override
    public void destroy() {
      stop();
    }
  }
}
