package dev.sextant.sink;

import dev.sextant.event.IdLink;
import dev.sextant.event.QuarantinedRecord;
import dev.sextant.event.TrackedEvent;
import dev.sextant.event.item.ItemUpdate;
import dev.sextant.event.profile.ProfileUpdate;
import dev.sextant.sink.app.SinkApplication;
import dev.sextant.store.EventStore;
import dev.sextant.store.PropertyTypes;
import dev.sextant.store.UserEventQuery;
import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The real sink application, run in a child JVM by {@link SinkCrashRecoveryIT}, that dies the hard
 * way ({@code Runtime.halt}, as {@code kill -9} would) right after its first insert was accepted
 * and before the listener container can commit the batch's offsets.
 */
public final class CrashingSink {

  /** The exit status that tells the test the crash came where it was meant to. */
  static final int CRASHED_AFTER_INSERT = 77;

  private CrashingSink() {}

  public static void main(String[] args) {
    SinkApplication.application().sources(CrashAfterFirstInsert.class).run(args);
  }

  @Configuration(proxyBeanMethods = false)
  static class CrashAfterFirstInsert {

    @Bean
    static BeanPostProcessor haltAfterFirstAppend() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          return bean instanceof EventStore store ? new HaltingStore(store) : bean;
        }
      };
    }
  }

  private record HaltingStore(EventStore delegate) implements EventStore {

    @Override
    public void append(List<TrackedEvent> events, PropertyTypes types) {
      delegate.append(events, types);
      Runtime.getRuntime().halt(CRASHED_AFTER_INSERT);
    }

    @Override
    public void createSchema() {
      delegate.createSchema();
    }

    @Override
    public void quarantine(List<QuarantinedRecord> records) {
      delegate.quarantine(records);
    }

    @Override
    public List<TrackedEvent> findUserEvents(String project, List<String> distinctIds, int limit) {
      return delegate.findUserEvents(project, distinctIds, limit);
    }

    @Override
    public List<TrackedEvent> findUserEvents(String project, UserEventQuery query) {
      return delegate.findUserEvents(project, query);
    }

    @Override
    public List<String> findUserIds(String project, String distinctId) {
      return delegate.findUserIds(project, distinctId);
    }

    @Override
    public List<IdLink> findLinks(String project) {
      return delegate.findLinks(project);
    }

    @Override
    public void appendItemUpdates(List<ItemUpdate> updates) {
      delegate.appendItemUpdates(updates);
    }

    @Override
    public List<ItemUpdate> findItemUpdates(String project, String itemType, String itemId) {
      return delegate.findItemUpdates(project, itemType, itemId);
    }

    @Override
    public void appendProfileUpdates(List<ProfileUpdate> updates) {
      delegate.appendProfileUpdates(updates);
    }

    @Override
    public List<ProfileUpdate> findProfileUpdates(String project, List<String> distinctIds) {
      return delegate.findProfileUpdates(project, distinctIds);
    }

    @Override
    public List<QuarantinedRecord> findQuarantined(String project, int limit) {
      return delegate.findQuarantined(project, limit);
    }

    @Override
    public List<QuarantinedRecord> findQuarantined(
        String project, java.util.Collection<String> quarantineIds) {
      return delegate.findQuarantined(project, quarantineIds);
    }

    @Override
    public void recordReplays(String project, List<dev.sextant.event.QuarantineReplay> replays) {
      delegate.recordReplays(project, replays);
    }

    @Override
    public java.util.Map<String, dev.sextant.event.QuarantineReplay> findReplays(
        String project, java.util.Collection<String> quarantineIds) {
      return delegate.findReplays(project, quarantineIds);
    }

    @Override
    public List<java.time.YearMonth> dropMonthsBefore(
        String project, java.time.YearMonth firstKept) {
      return delegate.dropMonthsBefore(project, firstKept);
    }

    @Override
    public String describeEngine() {
      return delegate.describeEngine();
    }
  }
}
