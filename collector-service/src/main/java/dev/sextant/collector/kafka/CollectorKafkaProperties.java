package dev.sextant.collector.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the distributed collector sends records ({@code sextant.kafka.*}).
 *
 * @param eventsTopic accepted events, consumed by the sink
 * @param quarantineTopic quarantined records, consumed by the sink
 * @param profilesTopic accepted profile updates, consumed by the sink
 * @param itemsTopic accepted item updates, consumed by the sink
 * @param sendTimeout how long a request waits for the broker's acknowledgement before failing
 */
@ConfigurationProperties("sextant.kafka")
public record CollectorKafkaProperties(
    @DefaultValue("sextant.events") String eventsTopic,
    @DefaultValue("sextant.quarantine") String quarantineTopic,
    @DefaultValue("10s") Duration sendTimeout,
    @DefaultValue("sextant.profiles") String profilesTopic,
    @DefaultValue("sextant.items") String itemsTopic) {}
