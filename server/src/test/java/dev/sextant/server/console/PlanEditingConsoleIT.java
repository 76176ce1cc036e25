package dev.sextant.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.TestServer;
import dev.sextant.testsupport.http.JsonHttp;
import dev.sextant.testsupport.http.TestAdmin;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Editing the tracking plan in the console, on the all-in-one server with its demo, in headless
 * Chromium ({@code src/test/browser/drive-plan-edit.mjs}): the value {@code vip} added to {@code
 * product_type}'s enum, and the faulty release's unplanned {@code P2P_ShareProduct} added as an
 * event, first under a name without its line's prefix (refused with the server's reason, on the
 * field and in the list), each previewed as a dry run's diff and then saved. The plan API must then
 * have both in two new versions by the signed-in admin, and the data-quality page's replay dry run
 * must find the event's quarantined records valid. Screenshots go to {@code
 * target/console-screenshots/}.
 */
class PlanEditingConsoleIT {

  private static final Path SCREENSHOTS = BrowserDriver.SCREENSHOTS;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PLAN = "/api/v1/projects/demo/plan";

  @TempDir static Path dataDir;

  private static TestServer server;
  private static JsonHttp http;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    http = server.admin();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void addsAnEnumValueAndAnEventThroughTheEditorWithTheServersRulesAndHistory() throws Exception {
    int before = http.get(PLAN).body().get("version").asInt();

    JsonNode seen = drive();

    assertThat(seen.get("pageErrors").size()).as("uncaught errors in the page").isZero();
    assertThat(seen.get("propertyTitle").asString()).isEqualTo("编辑属性 · product_type");
    assertThat(seen.get("typeDisabled").asBoolean()).as("a property keeps its type").isTrue();
    assertThat(seen.get("saveBeforePreview").asBoolean()).as("saving needs a preview").isTrue();
    assertThat(seen.get("enumPreview").asString())
        .contains("将产生 1 处变更", "properties.product_type.values.vip");
    assertThat(seen.get("enumSaved").asString()).isEqualTo("已保存为版本 " + (before + 1));
    assertThat(seen.get("enumRow").asString()).contains("vip = 会员专享");

    assertThat(seen.get("newEventTitle").asString()).isEqualTo("新建事件");
    assertThat(seen.get("browserNameError").asString()).isEqualTo("名称须以英文字母开头，只含字母、数字和下划线");
    assertThat(seen.get("prefixHint").asString()).isEqualTo("该业务线的事件名须以 P2P_ 开头");
    JsonNode rejected = seen.get("rejected");
    String reason =
        "event 'ShareProduct' of business line 'p2p' must start with the line's prefix 'P2P_'";
    assertThat(rejected.get("error").asString()).contains("400", "events[45].name: " + reason);
    assertThat(texts(rejected.get("field")))
        .as("the server's reason next to the name field")
        .containsExactly(reason);
    assertThat(rejected.get("saveDisabled").asBoolean()).isTrue();
    JsonNode eventPreview = seen.get("eventPreview");
    assertThat(eventPreview.get("errors").asInt()).isZero();
    assertThat(eventPreview.get("text").asString())
        .contains("events.P2P_ShareProduct", "版本 " + (before + 1) + " → 版本 " + (before + 2));
    assertThat(seen.get("eventSaved").asString()).isEqualTo("已保存为版本 " + (before + 2));
    assertThat(seen.get("eventRow").asString())
        .contains("P2P_ShareProduct", "分享产品", "P2P 理财", "前端");
    assertThat(texts(seen.get("versions")).subList(0, 2))
        .satisfiesExactly(
            newest ->
                assertThat(newest.strip())
                    .startsWith("v" + (before + 2) + "\t" + TestAdmin.USERNAME),
            next ->
                assertThat(next.strip())
                    .startsWith("v" + (before + 1) + "\t" + TestAdmin.USERNAME));

    assertPlanHasTheEdits(before);

    // The faulty release sent 24 of them (the demo's FaultyRelease.UNPLANNED_EVENT): all valid now.
    assertThat(seen.get("replaySelected").asString()).isEqualTo("已选择 24 条");
    assertThat(seen.get("replay").get("title").asString()).isEqualTo("预览结果（未写入）");
    assertThat(texts(seen.get("replay").get("counts"))).containsExactly("可重放 24");

    for (String shot :
        List.of(
            "plan-edit-enum-preview",
            "plan-edit-rejected",
            "plan-edit-event-preview",
            "plan-edited",
            "plan-edit-replay-dry-run")) {
      assertThat(SCREENSHOTS.resolve(shot + ".png")).isNotEmptyFile();
    }
  }

  /** The plan API's current version and history: each edit in its own version, nothing else. */
  private static void assertPlanHasTheEdits(int before) {
    JsonNode plan = http.get(PLAN).body();
    assertThat(plan.get("version").asInt()).isEqualTo(before + 2);
    JsonNode productType = named(plan.get("properties"), "product_type");
    JsonNode vip = named(productType.get("values"), "vip", "value");
    assertThat(vip.get("label").asString()).isEqualTo("会员专享");
    assertThat(vip.get("label_en").asString()).isEqualTo("VIP only");
    assertThat(productType.get("values").get(0).get("value").asString())
        .as("the enum keeps its order")
        .isEqualTo("regular");

    JsonNode share = named(plan.get("events"), "P2P_ShareProduct");
    assertThat(share.get("business_line").asString()).isEqualTo("p2p");
    assertThat(share.get("collected_by").asString()).isEqualTo("FRONT_END");
    assertThat(share.get("display_name").asString()).isEqualTo("分享产品");
    assertThat(share.get("display_name_en").asString()).isEqualTo("Share a product");
    assertThat(share.get("status").asString()).isEqualTo("ACTIVE");
    assertThat(
            share
                .get("properties")
                .valueStream()
                .map(p -> p.get("name").asString() + "=" + p.get("required").asBoolean()))
        .containsExactly("product_id=true", "share_channel=true");

    JsonNode versions = http.get(PLAN + "/versions?limit=2").body().get("versions");
    assertThat(versions.get(0).get("version").asInt()).isEqualTo(before + 2);
    assertThat(versions.get(0).get("author").asString()).isEqualTo(TestAdmin.USERNAME);
    assertThat(versions.get(0).get("changes").valueStream().map(c -> c.get("path").asString()))
        .allMatch(path -> path.startsWith("events.P2P_ShareProduct"));
    assertThat(versions.get(1).get("version").asInt()).isEqualTo(before + 1);
    assertThat(versions.get(1).get("changes").valueStream().map(c -> c.get("path").asString()))
        .containsExactly("properties.product_type.values.vip");
  }

  private static JsonNode named(JsonNode items, String name) {
    return named(items, name, "name");
  }

  private static JsonNode named(JsonNode items, String name, String field) {
    return items
        .valueStream()
        .filter(item -> item.get(field).asString().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + items));
  }

  private static JsonNode drive() throws IOException, InterruptedException {
    return BrowserDriver.run(
        dataDir,
        Duration.ofSeconds(240),
        "drive-plan-edit.mjs",
        "http://127.0.0.1:" + server.port(),
        SCREENSHOTS.toAbsolutePath().toString(),
        TestAdmin.USERNAME,
        TestAdmin.PASSWORD);
  }

  private static List<String> texts(JsonNode array) {
    return array.valueStream().map(JsonNode::asString).toList();
  }
}
