package dev.sextant.query.reference;

import static dev.sextant.query.model.Literal.of;
import static dev.sextant.query.reference.TestEvents.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.event.TrackedEvent;
import dev.sextant.query.model.Filter;
import dev.sextant.query.model.Operator;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventMatchingTest {

  private static final TrackedEvent EVENT =
      anEvent("P2P_Invest")
          .with("amount", 100L)
          .with("rate", new BigDecimal("7.50"))
          .with("product", "fixed-12m")
          .with("first", true)
          .with("tags", List.of("vip", "new"))
          .with("empty", List.of())
          .build();

  static Stream<Arguments> comparisons() {
    return Stream.of(
        Arguments.of(Filter.where("amount", Operator.EQ, of(100)), true),
        Arguments.of(Filter.where("amount", Operator.EQ, of(new BigDecimal("100.00"))), true),
        Arguments.of(Filter.where("amount", Operator.EQ, of("100")), false),
        Arguments.of(Filter.where("amount", Operator.NE, of(99)), true),
        Arguments.of(Filter.where("amount", Operator.NE, of(100)), false),
        Arguments.of(Filter.where("missing", Operator.NE, of(1)), false),
        Arguments.of(Filter.where("missing", Operator.NOT_IN, of("a")), false),
        Arguments.of(Filter.where("missing", Operator.EQ, of("a")), false),
        Arguments.of(Filter.where("missing", Operator.NOT_SET), true),
        Arguments.of(Filter.where("missing", Operator.IS_SET), false),
        Arguments.of(Filter.where("empty", Operator.NOT_SET), true),
        Arguments.of(Filter.where("tags", Operator.IS_SET), true),
        Arguments.of(Filter.where("product", Operator.IS_SET), true),
        Arguments.of(Filter.where("product", Operator.NOT_SET), false),
        Arguments.of(Filter.where("product", Operator.IN, of("a"), of("fixed-12m")), true),
        Arguments.of(Filter.where("product", Operator.NOT_IN, of("a"), of("b")), true),
        Arguments.of(Filter.where("product", Operator.NOT_IN, of("fixed-12m")), false),
        Arguments.of(Filter.where("product", Operator.CONTAINS, of("12m")), true),
        Arguments.of(Filter.where("product", Operator.CONTAINS, of("12M")), false),
        Arguments.of(Filter.where("tags", Operator.CONTAINS, of("vip")), true),
        Arguments.of(Filter.where("tags", Operator.CONTAINS, of("vi")), false),
        Arguments.of(Filter.where("tags", Operator.EQ, of("vip")), false),
        Arguments.of(Filter.where("rate", Operator.GT, of(new BigDecimal("7.5"))), false),
        Arguments.of(Filter.where("rate", Operator.GE, of(new BigDecimal("7.5"))), true),
        Arguments.of(Filter.where("rate", Operator.LT, of(8)), true),
        Arguments.of(Filter.where("rate", Operator.LE, of(7)), false),
        Arguments.of(Filter.where("amount", Operator.BETWEEN, of(100), of(200)), true),
        Arguments.of(Filter.where("amount", Operator.BETWEEN, of(50), of(100)), true),
        Arguments.of(Filter.where("amount", Operator.BETWEEN, of(101), of(200)), false),
        Arguments.of(Filter.where("product", Operator.GT, of(1)), false),
        Arguments.of(Filter.where("first", Operator.EQ, of(true)), true),
        Arguments.of(Filter.where("first", Operator.NE, of(true)), false),
        Arguments.of(Filter.none(), true),
        Arguments.of(
            Filter.all(
                Filter.where("amount", Operator.GT, of(10)),
                Filter.where("product", Operator.EQ, of("x"))),
            false),
        Arguments.of(
            Filter.any(
                Filter.where("amount", Operator.GT, of(1000)),
                Filter.where("product", Operator.EQ, of("fixed-12m"))),
            true),
        Arguments.of(
            Filter.any(
                Filter.where("amount", Operator.GT, of(1000)),
                Filter.all(Filter.where("missing", Operator.NOT_SET))),
            true));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("comparisons")
  void evaluatesFiltersAsDocumented(Filter filter, boolean expected) {
    assertThat(EventMatching.matches(filter, EVENT)).isEqualTo(expected);
  }
}
