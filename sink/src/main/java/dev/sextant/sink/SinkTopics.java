package dev.sextant.sink;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The topics the sink consumes ({@code sextant.kafka.*}): the same keys the collector publishes to,
 * so one setting names a topic for both.
 *
 * @param eventsTopic accepted events from the collector
 * @param quarantineTopic quarantined records from the collector
 * @param profilesTopic accepted profile updates from the collector
 * @param itemsTopic accepted item updates from the collector
 */
@ConfigurationProperties("sextant.kafka")
public record SinkTopics(
    @DefaultValue("sextant.events") String eventsTopic,
    @DefaultValue("sextant.quarantine") String quarantineTopic,
    @DefaultValue("sextant.profiles") String profilesTopic,
    @DefaultValue("sextant.items") String itemsTopic) {}
