package dev.sextant.testsupport.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class ClickHouseServerConfigTest {

  /** The shape of Debian's 18.16 config.xml, shortened. */
  private static final String DEBIAN_18_16 =
      """
      <?xml version="1.0"?>
      <yandex>
          <logger>
              <level>warning</level>
              <log>/var/log/clickhouse-server/clickhouse-server.log</log>
              <errorlog>/var/log/clickhouse-server/clickhouse-server.err.log</errorlog>
          </logger>
          <http_port>8123</http_port>
          <tcp_port>9000</tcp_port>
          <!-- <https_port>8443</https_port> -->
          <interserver_http_port>9009</interserver_http_port>
          <listen_host>::1</listen_host>
          <listen_host>127.0.0.1</listen_host>
          <path>/var/lib/clickhouse/</path>
          <tmp_path>/var/lib/clickhouse/tmp/</tmp_path>
          <user_files_path>/var/lib/clickhouse/user_files/</user_files_path>
          <users_config>users.xml</users_config>
          <remote_servers incl="clickhouse_remote_servers">
              <test_shard_localhost><shard><replica>
                  <host>localhost</host><port>9000</port>
              </replica></shard></test_shard_localhost>
          </remote_servers>
          <format_schema_path>/var/lib/clickhouse/format_schemas/</format_schema_path>
      </yandex>
      """;

  /** The shape of a current server's config.xml, shortened. */
  private static final String CURRENT =
      """
      <clickhouse>
          <http_port>8123</http_port>
          <tcp_port>9000</tcp_port>
          <mysql_port>9004</mysql_port>
          <postgresql_port>9005</postgresql_port>
          <path>/var/lib/clickhouse/</path>
          <user_directories>
              <users_xml><path>users.xml</path></users_xml>
              <local_directory><path>/var/lib/clickhouse/access/</path></local_directory>
          </user_directories>
      </clickhouse>
      """;

  private final Path dir = Path.of("/tmp/sextant-clickhouse-test");
  private final AtomicInteger nextPort = new AtomicInteger(20_001);

  @Test
  void givesEveryPortAFreeOneAndReportsTheHttpPort() throws Exception {
    ClickHouseServerConfig config =
        ClickHouseServerConfig.rewrite(DEBIAN_18_16, dir, nextPort::getAndIncrement);
    Document document = parse(config.xml());

    assertThat(config.httpPort()).isEqualTo(20_001);
    assertThat(text(document, "/yandex/http_port")).isEqualTo("20001");
    assertThat(text(document, "/yandex/tcp_port")).isEqualTo("20002");
    assertThat(text(document, "/yandex/interserver_http_port")).isEqualTo("20003");
  }

  @Test
  void replacesTheSampleClustersWithATestClusterOfThisServerAlone() throws Exception {
    ClickHouseServerConfig config =
        ClickHouseServerConfig.rewrite(DEBIAN_18_16, dir, nextPort::getAndIncrement);
    Document document = parse(config.xml());

    assertThat(text(document, "count(/yandex/remote_servers/*)")).isEqualTo("1");
    assertThat(text(document, "/yandex/remote_servers/sextant_test_cluster/shard/replica/host"))
        .isEqualTo("127.0.0.1");
    assertThat(text(document, "/yandex/remote_servers/sextant_test_cluster/shard/replica/port"))
        .as("the server's own tcp_port")
        .isEqualTo("20002");
    assertThat(text(document, "/yandex/remote_servers/@incl")).isEmpty();
  }

  @Test
  void putsDataAndLogsInThePrivateDirectory() throws Exception {
    ClickHouseServerConfig config =
        ClickHouseServerConfig.rewrite(DEBIAN_18_16, dir, nextPort::getAndIncrement);
    Document document = parse(config.xml());

    assertThat(text(document, "/yandex/path")).isEqualTo("/tmp/sextant-clickhouse-test/data/");
    assertThat(text(document, "/yandex/tmp_path"))
        .isEqualTo("/tmp/sextant-clickhouse-test/data/tmp/");
    assertThat(text(document, "/yandex/user_files_path"))
        .isEqualTo("/tmp/sextant-clickhouse-test/data/user_files/");
    assertThat(text(document, "/yandex/format_schema_path"))
        .isEqualTo("/tmp/sextant-clickhouse-test/data/format_schemas/");
    assertThat(text(document, "/yandex/logger/log"))
        .isEqualTo("/tmp/sextant-clickhouse-test/log/clickhouse-server.log");
    assertThat(text(document, "/yandex/logger/errorlog"))
        .isEqualTo("/tmp/sextant-clickhouse-test/log/clickhouse-server.err.log");
    assertThat(text(document, "/yandex/users_config")).isEqualTo("users.xml");
  }

  @Test
  void listensOnLoopbackOnly() throws Exception {
    Document document =
        parse(ClickHouseServerConfig.rewrite(DEBIAN_18_16, dir, nextPort::getAndIncrement).xml());

    assertThat(texts(document, "/yandex/listen_host")).containsExactly("127.0.0.1");
  }

  @Test
  void rewritesCurrentLayoutsToo() throws Exception {
    ClickHouseServerConfig config =
        ClickHouseServerConfig.rewrite(CURRENT, dir, nextPort::getAndIncrement);
    Document document = parse(config.xml());

    assertThat(config.httpPort()).isEqualTo(20_001);
    assertThat(
            texts(
                document, "/clickhouse/*[substring(name(), string-length(name()) - 4) = '_port']"))
        .containsExactlyInAnyOrder("20001", "20002", "20003", "20004", "20005");
    assertThat(text(document, "//local_directory/path"))
        .isEqualTo("/tmp/sextant-clickhouse-test/data/access/");
    assertThat(text(document, "//users_xml/path")).isEqualTo("users.xml");
    assertThat(texts(document, "/clickhouse/listen_host")).containsExactly("127.0.0.1");
    assertThat(config.xml()).doesNotContain("/var/lib/clickhouse", "/var/log/clickhouse-server");
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new InputSource(new StringReader(xml)));
  }

  private static String text(Document document, String xpath) throws Exception {
    return XPathFactory.newInstance().newXPath().evaluate(xpath, document);
  }

  private static List<String> texts(Document document, String xpath) throws Exception {
    NodeList nodes =
        (NodeList)
            XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent());
    }
    return texts;
  }
}
