import com.sensorsdata.analytics.javasdk.SensorsAnalytics;
import com.sensorsdata.analytics.javasdk.consumer.BatchConsumer;
import com.sensorsdata.analytics.javasdk.consumer.DebugConsumer;
import java.math.BigDecimal;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/** Drives the real Sensors Java SDK 3.4.0 against a capturing server (see README.md). */
public class Capture {
  public static void main(String[] args) throws Exception {
    String url = args[0];
    String mode = args[1];
    switch (mode) {
      case "batch" -> {
        SensorsAnalytics sa = new SensorsAnalytics(new BatchConsumer(url, 50, true, 5));
        for (int i = 0; i < 3; i++) {
          sa.track("user-java-1", true, "P2P_Invest", invest("500.25", "p-" + i, 1764000000000L + i * 1000));
        }
        Map<String, Object> deposit = new LinkedHashMap<>();
        deposit.put("$time", new Date(1764000005000L));
        deposit.put("amount", 10);
        deposit.put("result", "success");
        sa.track("user-java-1", true, "forex_Deposit", deposit);
        sa.flush();
        sa.shutdown();
      }
      case "debug-dry-valid" -> new SensorsAnalytics(new DebugConsumer(url, false))
          .track("user-java-debug", false, "P2P_Invest", invest("1", "p", 1764000000000L));
      case "debug-dry-invalid" -> {
        Map<String, Object> wrong = invest("1", "p", 1764000000000L);
        wrong.put("amount", "lots");
        wrong.put("colour", "red");
        new SensorsAnalytics(new DebugConsumer(url, false))
            .track("user-java-debug", false, "P2P_Invest", wrong);
      }
      case "debug-write-valid" -> new SensorsAnalytics(new DebugConsumer(url, true))
          .track("user-java-debug", false, "P2P_Invest", invest("10", "p", 1764000001000L));
      default -> throw new IllegalArgumentException(mode);
    }
  }

  static Map<String, Object> invest(String amount, String product, long time) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("$time", new Date(time));
    properties.put("amount", new BigDecimal(amount));
    properties.put("product_id", product);
    properties.put("term_days", 90);
    properties.put("result", "success");
    return properties;
  }
}
