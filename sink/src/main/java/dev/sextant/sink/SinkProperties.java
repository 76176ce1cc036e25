package dev.sextant.sink;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the sink retries ({@code sextant.sink.*}).
 *
 * @param deadLetterSuffix appended to a topic's name for records that cannot be stored at all
 * @param retryInterval pause between attempts to store a failed batch
 * @param maxAttempts attempts before a record goes to the dead-letter topic
 */
@ConfigurationProperties("sextant.sink")
public record SinkProperties(
    @DefaultValue(".dlt") String deadLetterSuffix,
    @DefaultValue("1s") Duration retryInterval,
    @DefaultValue("10") int maxAttempts) {}
