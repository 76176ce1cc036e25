package dev.sextant.server;

import dev.sextant.testsupport.http.JsonHttp;
import dev.sextant.testsupport.http.TestAdmin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The all-in-one server as an integration test starts it: on a free port, with its data under a
 * test's directory and the test admin's password configured ({@link TestAdmin}).
 *
 * @param context the running application, closed by {@link #close}
 * @param port the port it listens on
 */
public record TestServer(ConfigurableApplicationContext context, int port)
    implements AutoCloseable {

  /**
   * @param settings more command-line settings, e.g. {@code --sextant.demo.enabled=false}
   */
  public static TestServer start(Path dataDir, String... settings) {
    List<String> arguments = new ArrayList<>();
    arguments.add(TestAdmin.ARGUMENT);
    arguments.add("--server.port=0");
    arguments.add("--sextant.data-dir=" + dataDir);
    arguments.addAll(List.of(settings));
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(SextantServer.class).run(arguments.toArray(String[]::new));
    return new TestServer(
        context,
        Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
  }

  /** A new client signed in as the test admin. */
  public JsonHttp admin() {
    return TestAdmin.signedIn(port);
  }

  /** A new client with no session, as an app or a back end sends events. */
  public JsonHttp anonymous() {
    return JsonHttp.onLocalPort(port);
  }

  @Override
  public void close() {
    context.close();
  }
}
