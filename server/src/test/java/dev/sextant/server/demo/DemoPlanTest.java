package dev.sextant.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.event.QuarantineCode;
import dev.sextant.event.QuarantineReason;
import dev.sextant.registry.document.PlanDocuments;
import dev.sextant.registry.plan.BusinessLine;
import dev.sextant.registry.plan.TrackingPlan;
import dev.sextant.registry.rules.PlanRules;
import dev.sextant.registry.validation.EventValidator;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The demo plan shipped in the repository: valid, in its exported form, and fit for the tour. */
class DemoPlanTest {

  private final TrackingPlan plan = DemoProjectConfiguration.readDemoPlan();
  private final EventValidator validator = EventValidator.compile(plan);

  DemoPlanTest() throws IOException {}

  @Test
  void keepsEveryRule() {
    assertThat(PlanRules.check(plan)).isEmpty();
  }

  @Test
  void isStoredInTheFormTheExportWrites() throws IOException {
    try (InputStream in =
        new ClassPathResource(DemoProjectConfiguration.DEMO_PLAN).getInputStream()) {
      assertThat(PlanDocuments.toYaml(plan))
          .isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void coversTheCaseStudysBusinessLines() {
    assertThat(plan.businessLines())
        .extracting(BusinessLine::name, BusinessLine::eventPrefix)
        .contains(
            org.assertj.core.groups.Tuple.tuple("platform", ""),
            org.assertj.core.groups.Tuple.tuple("life", "Life_"),
            org.assertj.core.groups.Tuple.tuple("forex", "forex_"),
            org.assertj.core.groups.Tuple.tuple("p2p", "P2P_"),
            org.assertj.core.groups.Tuple.tuple("stock", "stock_"),
            org.assertj.core.groups.Tuple.tuple("push", "push_"));
    assertThat(plan.events()).hasSizeGreaterThan(40);
  }

  @Test
  void acceptsTheReadmeToursInvestment() {
    assertThat(
            validator.validate(
                "P2P_Invest",
                Map.of(
                    "product_id", "稳盈-90天",
                    "amount", new BigDecimal("10000.50"),
                    "term_days", 90L,
                    "result", "success",
                    "$os", "iOS")))
        .isEmpty();
  }

  @Test
  void quarantinesTheReadmeToursTextAmountAndForbiddenData() {
    assertThat(
            validator.validate(
                "P2P_Invest",
                Map.of("product_id", "稳盈-90天", "amount", "lots", "result", "success")))
        .extracting(QuarantineReason::code)
        .containsExactly(QuarantineCode.TYPE_MISMATCH);
    assertThat(
            validator.validate(
                "RealNameVerify", Map.of("result", "success", "id_card_number", "110101...")))
        .extracting(QuarantineReason::code)
        .containsExactly(QuarantineCode.FORBIDDEN_PROPERTY);
  }

  @Test
  void checksTheEnumsOfTheCaseStudy() {
    assertThat(
            validator.validate(
                "forex_CopyMaster",
                Map.of(
                    "master_id", "m-1",
                    "master_type", "astrologer",
                    "amount", 100L,
                    "result", "success")))
        .extracting(QuarantineReason::code)
        .containsExactly(QuarantineCode.NOT_IN_ENUM);
  }
}
