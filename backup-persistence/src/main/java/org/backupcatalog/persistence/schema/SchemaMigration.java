package org.backupcatalog.persistence.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Brings a database to the current schema. One set of migrations serves Derby and PostgreSQL; the
 * few words that differ are placeholders chosen here from the database's own product name.
 */
public final class SchemaMigration {

  private SchemaMigration() {}

  public static void migrate(DataSource dataSource) {
    configure(dataSource).load().migrate();
  }

  /** The SQL migrations, and the one written in Java: registered here, not found by scanning. */
  static FluentConfiguration configure(DataSource dataSource) {
    return Flyway.configure(SchemaMigration.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .javaMigrations(new ItemsHoldTheirLists())
        .placeholders(placeholders(dataSource));
  }

  static Map<String, String> placeholders(DataSource dataSource) {
    if (isPostgreSql(dataSource)) {
      return Map.of("collate_c", "COLLATE \"C\"", "json_text", "TEXT");
    }
    return Map.of("collate_c", "", "json_text", "CLOB");
  }

  public static boolean isPostgreSql(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the database to migrate it", e);
    }
  }
}
