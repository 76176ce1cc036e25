package dev.sextant.benchmarks;

import dev.sextant.registry.document.PlanDocuments;
import dev.sextant.registry.validation.EventValidator;
import dev.sextant.registry.validation.ValidationResult;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The validator on the collector's hot path, against a baseline measured in the same run: Jackson
 * parsing the same record, which the collector does for every record anyway. The events are
 * realistic: a P2P investment with 17 properties (enums, bounds, a length limit, presets, a common
 * property) and a page view with presets only.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EventValidatorBenchmark {

  private static final String PLAN =
      """
      project: bench
      business_lines:
        - {name: p2p, event_prefix: P2P_}
        - {name: platform}
      events:
        - name: P2P_InvestSuccess
          business_line: p2p
          properties:
            - {name: product_id, required: true}
            - {name: product_name, required: true}
            - {name: product_type, required: true}
            - {name: term_days, required: true}
            - {name: annual_rate, required: true}
            - {name: amount, required: true}
            - {name: coupon_id}
            - {name: coupon_type}
            - {name: coupon_amount}
            - {name: actual_amount, required: true}
            - {name: payment_method, required: true}
            - {name: result, required: true}
        - {name: $pageview, business_line: platform, properties: [{name: page_id}]}
      properties:
        - {name: platform_type, type: STRING, common: true, values: [{value: iOS}, {value: Android}, {value: Web}]}
        - {name: product_id, type: STRING, max_length: 64}
        - {name: product_name, type: STRING, max_length: 100}
        - {name: product_type, type: STRING, values: [{value: regular}, {value: flexible}, {value: newbie}]}
        - {name: term_days, type: NUMBER, min: 1, max: 3650}
        - {name: annual_rate, type: NUMBER, min: 0, max: 36}
        - {name: amount, type: NUMBER, min: 0}
        - {name: coupon_id, type: STRING, max_length: 64}
        - {name: coupon_type, type: STRING, values: [{value: cash}, {value: interest_rate}]}
        - {name: coupon_amount, type: NUMBER, min: 0}
        - {name: actual_amount, type: NUMBER, min: 0}
        - {name: payment_method, type: STRING, values: [{value: bank_card}, {value: balance}, {value: alipay}]}
        - {name: result, type: STRING, values: [{value: success}, {value: fail}]}
        - {name: page_id, type: STRING, max_length: 64}
      """;

  private static final String INVEST_JSON =
      """
      {"type":"track","event":"P2P_InvestSuccess","distinct_id":"user-42","time":1485878399123,
       "properties":{"product_id":"p-90-2017","product_name":"稳盈-90天","product_type":"regular",
        "term_days":90,"annual_rate":8.5,"amount":10000.50,"coupon_id":"c-77",
        "coupon_type":"cash","coupon_amount":20,"actual_amount":9980.50,
        "payment_method":"bank_card","result":"success","platform_type":"iOS","$os":"iOS",
        "$app_version":"4.2.0","$lib":"iOS","$screen_width":1170,"$wifi":true}}
      """;

  private EventValidator validator;
  private JsonMapper json;
  private byte[] investBytes;
  private Map<String, Object> invest;
  private Map<String, Object> pageView;
  private Map<String, Object> investWithTextAmount;

  @Setup
  public void setUp() {
    validator = EventValidator.compile(PlanDocuments.fromYaml(PLAN));
    json = JsonMapper.builder().build();
    investBytes = INVEST_JSON.getBytes(StandardCharsets.UTF_8);
    invest = new LinkedHashMap<>();
    invest.put("product_id", "p-90-2017");
    invest.put("product_name", "稳盈-90天");
    invest.put("product_type", "regular");
    invest.put("term_days", 90L);
    invest.put("annual_rate", new BigDecimal("8.5"));
    invest.put("amount", new BigDecimal("10000.50"));
    invest.put("coupon_id", "c-77");
    invest.put("coupon_type", "cash");
    invest.put("coupon_amount", 20L);
    invest.put("actual_amount", new BigDecimal("9980.50"));
    invest.put("payment_method", "bank_card");
    invest.put("result", "success");
    invest.put("platform_type", "iOS");
    invest.put("$os", "iOS");
    invest.put("$app_version", "4.2.0");
    invest.put("$lib", "iOS");
    invest.put("$screen_width", 1170L);
    invest.put("$wifi", true);
    pageView = new LinkedHashMap<>();
    pageView.put("$url", "https://www.example.com/p2p/products");
    pageView.put("$url_path", "/p2p/products");
    pageView.put("$title", "理财产品");
    pageView.put("$referrer", "https://www.example.com/");
    pageView.put("$browser", "Chrome");
    pageView.put("$browser_version", "120.0");
    pageView.put("$screen_width", 1920L);
    pageView.put("$screen_height", 1080L);
    pageView.put("$lib", "js");
    pageView.put("$lib_version", "1.26.0");
    pageView.put("$latest_traffic_source_type", "直接流量");
    pageView.put("page_id", "p2p_list");
    investWithTextAmount = new LinkedHashMap<>(invest);
    investWithTextAmount.put("amount", "lots");
    if (!validator.check("P2P_InvestSuccess", invest).conforms()
        || !validator.check("$pageview", pageView).conforms()
        || validator.check("P2P_InvestSuccess", investWithTextAmount).conforms()) {
      throw new IllegalStateException("the benchmark's events do not give the expected verdicts");
    }
  }

  /** A conforming 18-property investment: the common case. */
  @Benchmark
  public ValidationResult validateInvestment() {
    return validator.check("P2P_InvestSuccess", invest);
  }

  /** A conforming page view of 12 properties, mostly presets. */
  @Benchmark
  public ValidationResult validatePageView() {
    return validator.check("$pageview", pageView);
  }

  /** A quarantined investment: the slow path that explains. */
  @Benchmark
  public List<?> validateInvalidInvestment() {
    return validator.validate("P2P_InvestSuccess", investWithTextAmount);
  }

  /** Baseline: parsing the same investment record to a tree, as the collector does first. */
  @Benchmark
  public JsonNode parseInvestmentJson() {
    return json.readTree(investBytes);
  }
}
