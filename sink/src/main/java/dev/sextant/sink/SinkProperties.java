package dev.sextant.sink;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the sink consumes and how it retries ({@code sextant.kafka.*} and {@code sextant.sink.*}).
 *
 * @param eventsTopic accepted events from the collector
 * @param quarantineTopic quarantined records from the collector
 * @param deadLetterSuffix appended to a topic's name for records that cannot be stored at all
 * @param retryInterval pause between attempts to store a failed batch
 * @param maxAttempts attempts before a record goes to the dead-letter topic
 */
@ConfigurationProperties("sextant.sink")
public record SinkProperties(
    @DefaultValue("sextant.events") String eventsTopic,
    @DefaultValue("sextant.quarantine") String quarantineTopic,
    @DefaultValue(".dlt") String deadLetterSuffix,
    @DefaultValue("1s") Duration retryInterval,
    @DefaultValue("10") int maxAttempts) {}
