package dev.sextant.testsupport.kafka;

import dev.sextant.testsupport.MissingComponent;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Starts one real Kafka broker (KRaft mode, in this JVM, on a free port) for the whole test run and
 * hands it to tests as a {@link KafkaTestBroker} parameter. Topics are created by the code under
 * test (auto-creation is on), so test classes use their own topic names to stay apart.
 */
public final class KafkaExtension implements ParameterResolver {

  private static final int PARTITIONS = 3;

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KafkaTestBroker.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(KafkaExtension.class))
        .computeIfAbsent(RunningBroker.class, key -> RunningBroker.start(), RunningBroker.class)
        .broker();
  }

  /** Closed by JUnit when the test run ends. */
  private record RunningBroker(EmbeddedKafkaKraftBroker kafka, KafkaTestBroker broker)
      implements AutoCloseable {

    static RunningBroker start() {
      try {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        kafka.brokerProperties(
            Map.of(
                "auto.create.topics.enable", "true", "num.partitions", String.valueOf(PARTITIONS)));
        kafka.afterPropertiesSet();
        return new RunningBroker(kafka, new KafkaTestBroker(kafka.getBrokersAsString()));
      } catch (RuntimeException e) {
        throw MissingComponent.report(
            "Kafka broker (in-process KRaft)", "check spring-kafka-test on the test classpath", e);
      }
    }

    @Override
    public void close() {
      kafka.destroy();
    }
  }
}
