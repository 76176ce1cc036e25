package dev.sextant.registry.document;

import static dev.sextant.registry.plan.TrackingPlans.aPlan;
import static dev.sextant.registry.plan.TrackingPlans.aProperty;
import static dev.sextant.registry.plan.TrackingPlans.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.registry.plan.BusinessLine;
import dev.sextant.registry.plan.CollectedBy;
import dev.sextant.registry.plan.DefinitionStatus;
import dev.sextant.registry.plan.EnumValue;
import dev.sextant.registry.plan.EventDefinition;
import dev.sextant.registry.plan.EventProperty;
import dev.sextant.registry.plan.PiiClass;
import dev.sextant.registry.plan.ProjectSettings;
import dev.sextant.registry.plan.PropertyDefinition;
import dev.sextant.registry.plan.PropertyType;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.plan.UnknownDataPolicy;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PlanDocumentsTest {

  /** Every field of the model set, with values YAML likes to misread. */
  private static final TrackingPlan FULL =
      new TrackingPlan(
          "demo",
          7,
          new ProjectSettings(UnknownDataPolicy.PERMISSIVE, "Asia/Hong_Kong"),
          List.of(
              new BusinessLine("p2p", "P2P_", "P2P 理财", "P2P lending", "P2P team"),
              new BusinessLine("platform", "", "公共平台", null, null)),
          List.of(
              new EventDefinition(
                  "P2P_Invest",
                  "投资",
                  "Invest",
                  "The user submits an investment: a line with \"quotes\", # and: colons",
                  "p2p",
                  CollectedBy.BACK_END,
                  "After the server confirms.\nNever from the app.",
                  DefinitionStatus.DEPRECATED,
                  List.of(EventProperty.required("amount"), EventProperty.optional("answer"))),
              new EventDefinition("$AppStart", null, List.of())),
          List.of(
              new PropertyDefinition(
                  "amount",
                  "金额",
                  "Amount",
                  "in CNY",
                  PropertyType.NUMBER,
                  "%",
                  List.of(
                      new EnumValue("30", "30 天", "30 days", false),
                      new EnumValue("-1", null, null, true)),
                  null,
                  new BigDecimal("-1"),
                  new BigDecimal("1000000.50"),
                  PiiClass.HASH,
                  CollectedBy.FRONT_END,
                  true,
                  DefinitionStatus.DRAFT),
              new PropertyDefinition(
                  "answer",
                  null,
                  null,
                  null,
                  PropertyType.STRING,
                  null,
                  List.of(
                      EnumValue.of("yes", "是"),
                      EnumValue.of("no", "否"),
                      EnumValue.of("true", "真"),
                      EnumValue.of("null", "空"),
                      EnumValue.of("0123", "零"),
                      EnumValue.of("on", "开")),
                  3,
                  null,
                  null,
                  null,
                  null,
                  false,
                  null)));

  static Stream<TrackingPlan> plans() {
    return Stream.of(
        FULL,
        aPlan("empty").build(),
        aPlan("demo")
            .line("p2p", "P2P_")
            .event(anEvent("P2P_Invest").in("p2p").with("amount!"))
            .property(aProperty("amount", PropertyType.NUMBER).min("0.01"))
            .build());
  }

  @ParameterizedTest
  @MethodSource("plans")
  void roundTripsThroughYamlToTheSamePlanInItsStableOrder(TrackingPlan plan) {
    String yaml = PlanDocuments.toYaml(plan);

    TrackingPlan read = PlanDocuments.fromYaml(yaml);

    assertThat(read).isEqualTo(plan.normalized());
    assertThat(PlanDocuments.toYaml(read)).isEqualTo(yaml);
  }

  @Test
  void writesTheSameDocumentWhateverTheOrderOfTheLists() {
    TrackingPlan reversed =
        new TrackingPlan(
            FULL.project(),
            FULL.version(),
            FULL.settings(),
            FULL.businessLines().reversed(),
            FULL.events().reversed(),
            FULL.properties().reversed());

    assertThat(PlanDocuments.toYaml(reversed)).isEqualTo(PlanDocuments.toYaml(FULL));
  }

  @Test
  void leavesDefaultsOutAndKeepsOneValuePerLine() {
    String yaml =
        PlanDocuments.toYaml(
            aPlan("demo")
                .event(anEvent("Login").with("result"))
                .property(aProperty("result", PropertyType.STRING))
                .build());

    assertThat(yaml)
        .isEqualTo(
            """
            project: demo
            version: 0
            settings:
              unknown_data_policy: STRICT
              time_zone: Asia/Shanghai
            events:
              - name: Login
                display_name: Login
                properties:
                  - name: result
            properties:
              - name: result
                display_name: result
                type: STRING
            """);
  }

  @Test
  void keepsChineseTextReadable() {
    assertThat(PlanDocuments.toYaml(FULL)).contains("display_name: 投资").contains("label: 30 天");
  }

  @Test
  void refusesAnUnknownFieldWithItsPathAndLine() {
    String yaml =
        """
        project: demo
        events:
          - name: Login
            properties:
              - name: result
                requird: true
        """;

    assertThatThrownBy(() -> PlanDocuments.fromYaml(yaml))
        .isInstanceOfSatisfying(
            PlanDocumentException.class,
            e -> {
              assertThat(e.path()).isEqualTo("events[0].properties[0].requird");
              assertThat(e).hasMessageContaining("(line 7, column 1)");
            });
  }

  @Test
  void refusesAnUnknownTypeWithItsPath() {
    assertThatThrownBy(
            () -> PlanDocuments.fromJson("{\"properties\":[{\"name\":\"a\",\"type\":\"INT\"}]}"))
        .isInstanceOfSatisfying(
            PlanDocumentException.class, e -> assertThat(e.path()).isEqualTo("properties[0].type"));
  }

  @Test
  void refusesBrokenYamlAndAnEmptyDocument() {
    assertThatThrownBy(() -> PlanDocuments.fromYaml("project: [demo"))
        .isInstanceOf(PlanDocumentException.class);
    assertThatThrownBy(() -> PlanDocuments.fromYaml(""))
        .isInstanceOf(PlanDocumentException.class)
        .hasMessage("the document is empty");
  }

  @Test
  void readsTheJsonOfThePreviousModel() {
    TrackingPlan plan =
        PlanDocuments.fromJson(
            """
            {"project":"fx","version":0,
             "events":[{"name":"forex_Deposit","display_name":"外汇入金",
                        "properties":[{"name":"amount","required":true}]}],
             "properties":[{"name":"amount","display_name":"金额","type":"NUMBER"}]}
            """);

    assertThat(plan.event("forex_Deposit").orElseThrow().status())
        .isEqualTo(DefinitionStatus.ACTIVE);
    assertThat(plan.settings()).isEqualTo(ProjectSettings.DEFAULTS);
  }
}
