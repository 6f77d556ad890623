package org.backupcatalog.persistence.item;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server from a Maven artifact (no Docker, no installation), started on first use
 * and stopped when the JVM ends. Each caller gets a database of its own.
 */
public final class EmbeddedPostgresServer {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private EmbeddedPostgresServer() {}

  public static synchronized DataSource newDatabase() {
    try {
      if (server == null) {
        // Test data need not survive a crash: skip the disk flushes that dominate small commits.
        server =
            EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
        EmbeddedPostgres started = server;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started)));
      }
      String name = "catalog_" + DATABASES.incrementAndGet();
      try (Connection c = server.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      }
      // A pool, as in production: a new PostgreSQL connection costs a process fork.
      HikariConfig pool = new HikariConfig();
      pool.setDataSource(server.getDatabase("postgres", name));
      pool.setMaximumPoolSize(8);
      pool.setPoolName(name);
      return new HikariDataSource(pool);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void close(EmbeddedPostgres started) {
    try {
      started.close();
    } catch (IOException ignored) {
      // The JVM is ending; the server's directory is temporary.
    }
  }
}
