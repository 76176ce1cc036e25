package dev.sextant.query;

import dev.sextant.query.quarantine.QuarantineController;
import dev.sextant.query.sequence.UserSequenceController;
import dev.sextant.query.web.QueryProblems;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The query service's HTTP API. The process supplies the {@code EventStore} (DuckDB embedded,
 * ClickHouse distributed) and the {@code PlanStorage}.
 */
@Configuration(proxyBeanMethods = false)
@Import({UserSequenceController.class, QuarantineController.class, QueryProblems.class})
public class QueryConfiguration {}
