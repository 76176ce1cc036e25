package dev.sextant.registry.columns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.registry.document.PlanDocuments;
import dev.sextant.registry.history.PlanVersion;
import dev.sextant.registry.plan.PropertyType;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.storage.PlanRevision;
import dev.sextant.registry.storage.PlanStorage;
import dev.sextant.store.ColumnType;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The column types the sink gives the store: the plan's first, then the Sensors presets. */
class PlanPropertyTypesTest {

  private static final TrackingPlan PLAN =
      PlanDocuments.fromYaml(
          """
          project: demo
          version: 1
          properties:
            - name: amount
              type: NUMBER
            - name: opened_at
              type: DATETIME
            - name: tags
              type: LIST
          """);

  private final PlanPropertyTypes types = new PlanPropertyTypes(new OnePlan(PLAN));

  @Test
  void typesThePlansPropertiesAndThePresets() {
    assertThat(types.typeOf("demo", "amount")).contains(ColumnType.NUMBER);
    assertThat(types.typeOf("demo", "opened_at")).contains(ColumnType.DATETIME);
    assertThat(types.typeOf("demo", "tags")).contains(ColumnType.LIST);
    assertThat(types.typeOf("demo", "$os")).contains(ColumnType.STRING);
    assertThat(types.typeOf("other", "$os")).contains(ColumnType.STRING);
  }

  @Test
  void knowsNothingOfAPropertyNoPlanTypes() {
    assertThat(types.typeOf("demo", "colour")).isEmpty();
    assertThat(types.typeOf("other", "amount")).isEmpty();
  }

  @Test
  void mapsEveryPlanTypeToItsOwnColumnType() {
    EnumSet<ColumnType> mapped = EnumSet.noneOf(ColumnType.class);
    for (PropertyType type : PropertyType.values()) {
      ColumnType column = PlanPropertyTypes.columnType(type);
      assertThat(column.name()).isEqualTo(type.name());
      mapped.add(column);
    }
    assertThat(mapped).containsExactlyInAnyOrder(ColumnType.values());
  }

  /** A storage holding one plan; the sink only reads. */
  private record OnePlan(TrackingPlan plan) implements PlanStorage {

    @Override
    public Optional<TrackingPlan> find(String project) {
      return Optional.of(plan).filter(p -> p.project().equals(project));
    }

    @Override
    public Optional<TrackingPlan> find(String project, long version) {
      return find(project).filter(p -> p.version() == version);
    }

    @Override
    public List<PlanVersion> history(String project, int limit) {
      return List.of();
    }

    @Override
    public PlanVersion save(PlanRevision revision) {
      throw new UnsupportedOperationException("the sink only reads plans");
    }
  }
}
