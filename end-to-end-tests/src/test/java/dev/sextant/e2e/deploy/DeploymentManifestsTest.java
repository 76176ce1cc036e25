package dev.sextant.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The deployment manifests cannot run here (no Docker, no cluster), so they are checked against the
 * services they deploy: ports, probes, images, topics, and that every environment variable they set
 * is really read by some setting of the service.
 */
class DeploymentManifestsTest {

  private static final Path DEPLOY = Path.of("..", "deploy");
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  /** A Sextant service as both manifests name it, and the configuration file it ships with. */
  record Service(String name, String module, String image, String configFile) {

    int configuredPort() {
      return readClasspathYaml(configFile).at("/server/port").asInt();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static List<Service> services() {
    return List.of(
        new Service("collector", "collector-service", "sextant/collector:0.1.0", "collector.yml"),
        new Service("sink", "sink", "sextant/sink:0.1.0", "sink.yml"),
        new Service("query", "query-service", "sextant/query:0.1.0", "query.yml"),
        new Service(
            "schema-registry",
            "schema-registry",
            "sextant/schema-registry:0.1.0",
            "schema-registry.yml"));
  }

  /** Spring Boot settings the manifests may set, beside Sextant's own records. */
  private static final Set<String> SPRING_SETTINGS =
      Set.of(
          "spring.datasource.url",
          "spring.datasource.username",
          "spring.datasource.password",
          "spring.kafka.bootstrap-servers",
          "management.endpoint.health.probes.enabled",
          "server.servlet.session.cookie.secure");

  private final JsonNode compose = readYaml(DEPLOY.resolve("docker-compose.yml")).getFirst();

  @ParameterizedTest
  @MethodSource("services")
  void composeRunsEachServiceOnItsConfiguredPortWithAHealthCheck(Service service) {
    JsonNode spec = compose.at("/services/" + service.name());
    int port = service.configuredPort();

    assertThat(spec.get("image").asString()).isEqualTo(service.image());
    assertThat(spec.get("ports").get(0).asString()).isEqualTo(port + ":" + port);
    assertThat(spec.at("/healthcheck/test").toString())
        .contains("http://localhost:" + port + "/actuator/health");
  }

  @ParameterizedTest
  @MethodSource("services")
  void composeBuildsEachImageFromTheServicesExecutableJar(Service service) throws IOException {
    String jar = compose.at("/services/" + service.name() + "/build/args/JAR").asString();
    String artifactId = artifactIdOf(service.module());

    assertThat(jar)
        .isEqualTo(service.module() + "/target/" + artifactId + "-0.1.0-SNAPSHOT-exec.jar");
    assertThat(compose.at("/services/" + service.name() + "/build/dockerfile").asString())
        .isEqualTo("deploy/docker/Dockerfile");
    assertThat(DEPLOY.resolve("docker/Dockerfile")).exists();
  }

  @ParameterizedTest
  @MethodSource("services")
  void kubernetesRunsTheSameImageOnTheConfiguredPortWithProbes(Service service) {
    List<JsonNode> documents = readYaml(DEPLOY.resolve("k8s/" + service.name() + ".yaml"));
    JsonNode deployment = ofKind(documents, "Deployment");
    JsonNode container = deployment.at("/spec/template/spec/containers/0");
    JsonNode kubeService = ofKind(documents, "Service");
    int port = service.configuredPort();

    assertThat(container.get("image").asString()).isEqualTo(service.image());
    assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(port);
    assertThat(container.at("/readinessProbe/httpGet/path").asString())
        .isEqualTo("/actuator/health/readiness");
    assertThat(container.at("/livenessProbe/httpGet/path").asString())
        .isEqualTo("/actuator/health/liveness");
    assertThat(deployment.at("/spec/template/metadata/annotations/prometheus.io~1port").asString())
        .isEqualTo(String.valueOf(port));
    assertThat(kubeService.at("/spec/ports/0/port").asInt()).isEqualTo(port);
    assertThat(kubeService.at("/spec/selector"))
        .isEqualTo(deployment.at("/spec/selector/matchLabels"));
  }

  @ParameterizedTest
  @MethodSource("services")
  void everyVariableComposeSetsIsReadBySomeSetting(Service service) {
    compose
        .at("/services/" + service.name() + "/environment")
        .properties()
        .forEach(variable -> assertIsRead(variable.getKey(), variable.getValue().asString()));
  }

  @ParameterizedTest
  @MethodSource("services")
  void everyVariableKubernetesSetsExistsInItsSourceAndIsRead(Service service) {
    JsonNode deployment =
        ofKind(readYaml(DEPLOY.resolve("k8s/" + service.name() + ".yaml")), "Deployment");
    JsonNode config = ofKind(readYaml(DEPLOY.resolve("k8s/config.yaml")), "ConfigMap");
    JsonNode secret = ofKind(readYaml(DEPLOY.resolve("k8s/secret.example.yaml")), "Secret");

    for (JsonNode variable : deployment.at("/spec/template/spec/containers/0/env")) {
      String name = variable.get("name").asString();
      JsonNode fromConfig = variable.at("/valueFrom/configMapKeyRef");
      JsonNode fromSecret = variable.at("/valueFrom/secretKeyRef");
      String value;
      if (!fromConfig.isMissingNode()) {
        assertThat(fromConfig.get("name").asString()).isEqualTo("sextant-config");
        value = config.at("/data/" + fromConfig.get("key").asString()).asString();
      } else {
        assertThat(fromSecret.get("name").asString()).isEqualTo("sextant-secrets");
        value = secret.at("/stringData/" + fromSecret.get("key").asString()).asString();
      }
      assertThat(value).as("%s has a value in its ConfigMap or Secret", name).isNotEmpty();
      assertIsRead(name, value);
    }
  }

  @Test
  void secretsComeOnlyFromTheEnvironmentOrASecret() {
    compose
        .at("/services")
        .properties()
        .forEach(service ->
            service.getValue().path("environment").properties().stream()
                .filter(variable -> variable.getKey().endsWith("PASSWORD"))
                .forEach(variable ->
                    assertThat(variable.getValue().asString())
                        .as("%s of %s", variable.getKey(), service.getKey())
                        .startsWith("${")));
    JsonNode config = ofKind(readYaml(DEPLOY.resolve("k8s/config.yaml")), "ConfigMap");
    assertThat(config.get("data").propertyNames())
        .noneMatch(name -> name.contains("PASSWORD") || name.contains("SECRET"));
  }

  @Test
  void composeCreatesTheTopicsTheServicesUse() {
    String script = compose.at("/services/kafka-topics/command/0").asString();
    Matcher topics = Pattern.compile("(sextant\\.[a-z.]+):(\\d+)").matcher(script);
    List<String> created = new ArrayList<>();
    while (topics.find()) {
      created.add(topics.group(1));
    }

    assertThat(created)
        .containsExactlyInAnyOrder(
            "sextant.events",
            "sextant.profiles",
            "sextant.items",
            "sextant.quarantine",
            "sextant.events.dlt",
            "sextant.profiles.dlt",
            "sextant.items.dlt",
            "sextant.quarantine.dlt");
    for (String service : List.of("collector", "sink")) {
      JsonNode environment = compose.at("/services/" + service + "/environment");
      assertThat(environment.get("SEXTANT_KAFKA_EVENTS_TOPIC").asString())
          .isEqualTo("sextant.events");
      assertThat(environment.get("SEXTANT_KAFKA_QUARANTINE_TOPIC").asString())
          .isEqualTo("sextant.quarantine");
      assertThat(environment.get("SEXTANT_KAFKA_PROFILES_TOPIC").asString())
          .isEqualTo("sextant.profiles");
      assertThat(environment.get("SEXTANT_KAFKA_ITEMS_TOPIC").asString())
          .isEqualTo("sextant.items");
    }
  }

  /** Every service that reads tracking plans (the sink: to type new property columns). */
  @ParameterizedTest
  @MethodSource("services")
  void everyServiceGetsThePlansDatabase(Service service) {
    JsonNode environment = compose.at("/services/" + service.name() + "/environment");
    List<String> kubernetes = new ArrayList<>();
    ofKind(readYaml(DEPLOY.resolve("k8s/" + service.name() + ".yaml")), "Deployment")
        .at("/spec/template/spec/containers/0/env")
        .forEach(variable -> kubernetes.add(variable.get("name").asString()));

    for (String variable :
        List.of(
            "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD")) {
      assertThat(environment.has(variable)).as("compose %s %s", service.name(), variable).isTrue();
      assertThat(kubernetes).as("k8s %s", service.name()).contains(variable);
    }
  }

  @Test
  void kustomizationAppliesEveryManifestButTheSecretExample() throws IOException {
    JsonNode kustomization = readYaml(DEPLOY.resolve("k8s/kustomization.yaml")).getFirst();
    List<String> listed = new ArrayList<>();
    kustomization.get("resources").forEach(resource -> listed.add(resource.asString()));
    List<String> files;
    try (Stream<Path> paths = Files.list(DEPLOY.resolve("k8s"))) {
      files =
          paths
              .map(path -> path.getFileName().toString())
              .filter(name -> name.endsWith(".yaml"))
              .filter(name -> !name.equals("kustomization.yaml"))
              .filter(name -> !name.equals("secret.example.yaml"))
              .toList();
    }

    assertThat(listed).containsExactlyInAnyOrderElementsOf(files);
  }

  /** Fails unless some Sextant record or a listed Spring setting binds the variable. */
  private static void assertIsRead(String variable, String value) {
    SystemEnvironmentPropertySource environment =
        new SystemEnvironmentPropertySource("manifest", Map.of(variable, value));
    boolean springSetting = SPRING_SETTINGS.stream().anyMatch(environment::containsProperty);
    boolean sextantSetting = SextantSettings.read(variable, value);
    assertThat(springSetting || sextantSetting)
        .as("%s is read by a setting of the service", variable)
        .isTrue();
  }

  private static Binder binder(Map<String, Object> environment) {
    return new Binder(
        ConfigurationPropertySources.from(
            new SystemEnvironmentPropertySource("manifest", environment)));
  }

  /** Sextant's {@code @ConfigurationProperties} records on this classpath, bound for real. */
  private static final class SextantSettings {

    private static final List<Class<?>> RECORDS = findRecords();

    /**
     * Whether binding the variable changes some record. The value is altered first, so that a value
     * equal to the default still shows; a value the setting cannot convert fails to bind, which
     * shows just as well that the variable reaches a setting.
     */
    static boolean read(String variable, String value) {
      Binder withVariable = binder(Map.of(variable, value + "-probe"));
      Binder without = binder(Map.of());
      for (Class<?> type : RECORDS) {
        String prefix = type.getAnnotation(ConfigurationProperties.class).value();
        try {
          if (!withVariable.bindOrCreate(prefix, type).equals(without.bindOrCreate(prefix, type))) {
            return true;
          }
        } catch (BindException e) {
          return true;
        }
      }
      return false;
    }

    private static List<Class<?>> findRecords() {
      ClassPathScanningCandidateComponentProvider scanner =
          new ClassPathScanningCandidateComponentProvider(false);
      scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
      List<Class<?>> records = new ArrayList<>();
      for (BeanDefinition candidate : scanner.findCandidateComponents("dev.sextant")) {
        try {
          records.add(Class.forName(candidate.getBeanClassName()));
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException(e);
        }
      }
      assertThat(records).as("Sextant settings found on the classpath").isNotEmpty();
      return records;
    }
  }

  private static JsonNode ofKind(List<JsonNode> documents, String kind) {
    return documents.stream()
        .filter(document -> document.path("kind").asString("").equals(kind))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " in " + documents));
  }

  private static List<JsonNode> readYaml(Path file) {
    try (var parser = YAML.createParser(file.toFile())) {
      return YAML.readValues(parser, JsonNode.class).readAll();
    }
  }

  private static JsonNode readClasspathYaml(String resource) {
    try (InputStream in = DeploymentManifestsTest.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new AssertionError(resource + " is not on the classpath");
      }
      return YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String artifactIdOf(String module) throws IOException {
    String pom = Files.readString(Path.of("..", module, "pom.xml"));
    Matcher matcher = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>").matcher(pom);
    assertThat(matcher.find()).as("artifactId in %s/pom.xml", module).isTrue();
    return matcher.group(1);
  }
}
