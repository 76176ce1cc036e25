package dev.sextant.sink;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the sink retries and where it parks unreadable records ({@code sextant.sink.*}).
 *
 * @param deadLetterSuffix appended to a topic's name for records that cannot be read at all
 * @param retryInterval the first pause before storing a failed batch again; it doubles each time
 * @param maxRetryInterval the longest pause between attempts; a batch the store refuses is retried
 *     until it succeeds, since the events wait safely in Kafka meanwhile
 */
@ConfigurationProperties("sextant.sink")
public record SinkProperties(
    @DefaultValue(".dlt") String deadLetterSuffix,
    @DefaultValue("500ms") Duration retryInterval,
    @DefaultValue("30s") Duration maxRetryInterval) {}
