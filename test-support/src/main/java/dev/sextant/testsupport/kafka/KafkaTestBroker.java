package dev.sextant.testsupport.kafka;

/**
 * A real Kafka broker (KRaft, in-process) for a test run.
 *
 * @param bootstrapServers what clients pass as {@code bootstrap.servers}
 */
public record KafkaTestBroker(String bootstrapServers) {}
