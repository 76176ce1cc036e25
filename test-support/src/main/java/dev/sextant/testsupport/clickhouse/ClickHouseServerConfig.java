package dev.sextant.testsupport.clickhouse;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * A packaged {@code config.xml} rewritten for a private server: every file under one directory,
 * listening on 127.0.0.1 only, on free ports. Works for the 18.16 layout (root {@code <yandex>})
 * and current ones (root {@code <clickhouse>}) alike, because it only touches top-level elements
 * and the packaged directory names.
 *
 * @param xml the rewritten configuration
 * @param httpPort the port of the HTTP interface
 */
record ClickHouseServerConfig(String xml, int httpPort) {

  /** Directories the packages use; anything under them is moved into the private directory. */
  private static final String PACKAGED_DATA = "/var/lib/clickhouse/";

  private static final String PACKAGED_LOGS = "/var/log/clickhouse-server/";

  /** Ports the server always opens, added when the template leaves them to their defaults. */
  private static final List<String> REQUIRED_PORTS =
      List.of("http_port", "tcp_port", "interserver_http_port");

  static final String LOG_FILE = "clickhouse-server.log";
  static final String ERROR_LOG_FILE = "clickhouse-server.err.log";

  /**
   * Rewrites {@code template}.
   *
   * @param template the packaged configuration text
   * @param dir the private directory; data goes to {@code dir/data}, logs to {@code dir/log}
   * @param freePort gives a free port for each port setting
   */
  static ClickHouseServerConfig rewrite(String template, Path dir, IntSupplier freePort) {
    Document document = parse(template);
    Element root = document.getDocumentElement();
    String data = dir.resolve("data") + "/";
    String logs = dir.resolve("log") + "/";
    setChild(root, "path", data);
    setChild(root, "tmp_path", data + "tmp/");
    setChild(root, "user_files_path", data + "user_files/");
    setChild(root, "format_schema_path", data + "format_schemas/");
    Element logger = child(root, "logger");
    setChild(logger, "log", logs + LOG_FILE);
    setChild(logger, "errorlog", logs + ERROR_LOG_FILE);
    replaceText(root, PACKAGED_DATA, data);
    replaceText(root, PACKAGED_LOGS, logs);
    Map<String, Integer> ports = assignPorts(root, freePort);
    listenOnLoopbackOnly(root);
    defineTestCluster(root, ports.get("tcp_port"));
    return new ClickHouseServerConfig(serialize(document), ports.get("http_port"));
  }

  /** Gives every top-level {@code *_port} (http, tcp, interserver, mysql, ...) a free port. */
  private static Map<String, Integer> assignPorts(Element root, IntSupplier freePort) {
    for (String name : REQUIRED_PORTS) {
      child(root, name);
    }
    Map<String, Integer> ports = new HashMap<>();
    for (Element element : children(root)) {
      if (element.getTagName().endsWith("_port")) {
        int port = freePort.getAsInt();
        element.setTextContent(Integer.toString(port));
        ports.put(element.getTagName(), port);
      }
    }
    return ports;
  }

  /**
   * Replaces the packaged sample clusters (which point at port 9000) with {@link
   * ClickHouseExtension#TEST_CLUSTER}: one shard, this server itself, so that {@code Distributed}
   * tables can be tested on a single server.
   */
  private static void defineTestCluster(Element root, int tcpPort) {
    Element servers = child(root, "remote_servers");
    // Packaged configs may pull clusters from an include file; ours is the only one wanted.
    servers.removeAttribute("incl");
    for (Element element : children(servers)) {
      servers.removeChild(element);
    }
    Document document = root.getOwnerDocument();
    Element cluster = document.createElement(ClickHouseExtension.TEST_CLUSTER);
    Element shard = document.createElement("shard");
    Element replica = document.createElement("replica");
    Element host = document.createElement("host");
    host.setTextContent("127.0.0.1");
    Element port = document.createElement("port");
    port.setTextContent(Integer.toString(tcpPort));
    replica.appendChild(host);
    replica.appendChild(port);
    shard.appendChild(replica);
    cluster.appendChild(shard);
    servers.appendChild(cluster);
  }

  private static void listenOnLoopbackOnly(Element root) {
    for (Element element : children(root)) {
      if (element.getTagName().equals("listen_host")) {
        root.removeChild(element);
      }
    }
    Element listen = root.getOwnerDocument().createElement("listen_host");
    listen.setTextContent("127.0.0.1");
    root.appendChild(listen);
  }

  private static void replaceText(Node node, String from, String to) {
    if (node.getNodeType() == Node.TEXT_NODE && node.getNodeValue().contains(from)) {
      node.setNodeValue(node.getNodeValue().replace(from, to));
    }
    NodeList nodes = node.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      replaceText(nodes.item(i), from, to);
    }
  }

  private static void setChild(Element parent, String name, String value) {
    child(parent, name).setTextContent(value);
  }

  /** The first direct child of that name, created if absent. */
  private static Element child(Element parent, String name) {
    for (Element element : children(parent)) {
      if (element.getTagName().equals(name)) {
        return element;
      }
    }
    Element created = parent.getOwnerDocument().createElement(name);
    parent.appendChild(created);
    return created;
  }

  private static List<Element> children(Element parent) {
    List<Element> elements = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element element) {
        elements.add(element);
      }
    }
    return elements;
  }

  private static Document parse(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalArgumentException("not a ClickHouse configuration: " + e.getMessage(), e);
    }
  }

  private static String serialize(Document document) {
    try {
      StringWriter out = new StringWriter();
      TransformerFactory.newInstance()
          .newTransformer()
          .transform(new DOMSource(document), new StreamResult(out));
      return out.toString();
    } catch (TransformerException e) {
      throw new IllegalStateException("cannot write the ClickHouse configuration", e);
    }
  }
}
