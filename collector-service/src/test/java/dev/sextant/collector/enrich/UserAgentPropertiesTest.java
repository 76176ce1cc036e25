package dev.sextant.collector.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UserAgentPropertiesTest {

  /** Built once: Yauaa takes seconds to load its rules. */
  private static final UserAgentProperties USER_AGENTS = UserAgentProperties.create(100);

  @Test
  void readsChromeOnWindows() {
    assertThat(
            USER_AGENTS.of(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/120.0.0.0 Safari/537.36"))
        .containsEntry("$os", "Windows NT")
        .containsEntry("$browser", "Chrome")
        .containsKey("$browser_version")
        .doesNotContainKeys("$model", "$manufacturer");
  }

  @Test
  void readsSafariOnAnIphone() {
    Map<String, Object> properties =
        USER_AGENTS.of(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML,"
                + " like Gecko) Version/17.1 Mobile/15E148 Safari/604.1");

    assertThat(properties)
        .containsEntry("$os", "iOS")
        .containsEntry("$browser", "Safari")
        .containsEntry("$manufacturer", "Apple")
        .containsEntry("$model", "Apple iPhone");
    assertThat((String) properties.get("$os_version")).startsWith("17");
  }

  @Test
  void readsWeChatOnAnAndroidPhone() {
    Map<String, Object> properties =
        USER_AGENTS.of(
            "Mozilla/5.0 (Linux; Android 13; V2217A Build/TP1A.220624.014; wv) AppleWebKit/537.36"
                + " (KHTML, like Gecko) Version/4.0 Chrome/111.0.5563.116 Mobile Safari/537.36"
                + " XWEB/5317 MMWEBSDK/20230805 MMWEBID/1234 MicroMessenger/8.0.42.2460(0x28002A35)"
                + " WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64");

    assertThat(properties).containsEntry("$os", "Android").containsEntry("$browser", "WeChat");
    assertThat((String) properties.get("$os_version")).startsWith("13");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SensorsAnalytics Java SDK 3.4.0",
        "SensorsAnalytics Node SDK",
        "Java-http-client/25",
        "curl/8.5.0",
        "'; DROP TABLE events; --"
      })
  void addsNothingForBackEndsAndTools(String userAgent) {
    assertThat(USER_AGENTS.of(userAgent)).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  void addsNothingWithoutAUserAgent(String userAgent) {
    assertThat(USER_AGENTS.of(userAgent)).isEmpty();
  }
}
