package dev.sextant.query;

import dev.sextant.query.engine.AnalysisEngine;
import dev.sextant.query.engine.AnalysisService;
import dev.sextant.query.ingestion.IngestionController;
import dev.sextant.query.item.ItemController;
import dev.sextant.query.profile.UserProfileController;
import dev.sextant.query.quarantine.QuarantineController;
import dev.sextant.query.segments.JdbcSegmentStorage;
import dev.sextant.query.segments.ProjectZones;
import dev.sextant.query.segments.SegmentController;
import dev.sextant.query.segments.SegmentService;
import dev.sextant.query.segments.SnapshotScheduler;
import dev.sextant.query.sequence.UserSequenceController;
import dev.sextant.query.sql.SqlDialect;
import dev.sextant.query.web.AnalysisController;
import dev.sextant.query.web.AnalystScopes;
import dev.sextant.query.web.QueryProblems;
import dev.sextant.registry.columns.PlanPropertyTypes;
import dev.sextant.registry.storage.PlanStorage;
import dev.sextant.security.access.ConsoleActors;
import dev.sextant.store.EventQueries;
import dev.sextant.store.UserLists;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.StreamWriteFeature;

/**
 * The query service's HTTP API. The process supplies the {@code EventStore} (DuckDB embedded,
 * ClickHouse distributed; both also {@link EventQueries}) and the {@code PlanStorage}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueryProperties.class)
@Import({
  UserSequenceController.class,
  UserProfileController.class,
  ItemController.class,
  QuarantineController.class,
  AnalysisController.class,
  SegmentController.class,
  QueryProblems.class
})
public class QueryConfiguration {

  @Bean
  IngestionController ingestionController(
      EventQueries queries, PlanStorage plans, Clock clock, QueryProperties properties) {
    return new IngestionController(queries, plans, clock, properties.timeout());
  }

  @Bean
  AnalystScopes analystScopes(ObjectProvider<ConsoleActors> actors, PlanStorage plans) {
    return new AnalystScopes(actors, plans);
  }

  @Bean
  AnalysisEngine analysisEngine(
      EventQueries queries, PlanStorage plans, QueryProperties properties) {
    return new AnalysisEngine(
        queries,
        SqlDialect.of(queries.engine()),
        new PlanPropertyTypes(plans),
        properties.maxResultRows());
  }

  /** Analysis results carry exact decimals: written as 10, never 1E+1. */
  @Bean
  JsonMapperBuilderCustomizer plainDecimals() {
    return builder -> builder.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
  }

  @Bean
  AnalysisService analysisService(
      AnalysisEngine engine,
      EventQueries queries,
      MeterRegistry meters,
      QueryProperties properties) {
    return new AnalysisService(
        engine, queries, meters, properties.timeout(), properties.cacheSize());
  }

  /** Segments and campaigns: metadata in the plans' database, member lists in the event store. */
  @Bean
  SegmentService segmentService(
      AnalysisEngine engine,
      UserLists lists,
      JdbcClient jdbc,
      Clock clock,
      QueryProperties properties) {
    return new SegmentService(
        engine, lists, new JdbcSegmentStorage(jdbc), clock, properties.timeout());
  }

  /** Hourly and daily segment snapshots, checked every minute. */
  @Bean(initMethod = "start", destroyMethod = "close")
  SnapshotScheduler snapshotScheduler(SegmentService segments, PlanStorage plans) {
    return new SnapshotScheduler(segments, new ProjectZones(plans), Duration.ofMinutes(1));
  }
}
