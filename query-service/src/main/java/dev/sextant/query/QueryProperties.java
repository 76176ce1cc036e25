package dev.sextant.query;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sextant.query.*}: limits of the analysis API.
 *
 * @param timeout how long one analysis may run before the engine stops it
 * @param cacheSize how many analysis results are kept (each is served only while its project's data
 *     is unchanged)
 * @param maxResultRows the most rows one analysis statement may return (answered 422 beyond)
 */
@ConfigurationProperties("sextant.query")
public record QueryProperties(
    @DefaultValue("60s") Duration timeout,
    @DefaultValue("500") long cacheSize,
    @DefaultValue("200000") int maxResultRows) {}
