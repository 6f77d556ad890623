package org.backupcatalog.persistence.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database to the current schema. One set of migrations serves Derby and PostgreSQL; the
 * few words that differ are placeholders chosen here from the database's own product name.
 */
public final class SchemaMigration {

  private SchemaMigration() {}

  /**
   * Migrates, and returns the schema version now current (null for a database without any), read
   * from the migration's own result: a second Flyway reading the history table cost about a second
   * of every start.
   */
  public static String migrate(DataSource dataSource) {
    MigrateResult result = configure(dataSource).load().migrate();
    String version =
        result.targetSchemaVersion != null
            ? result.targetSchemaVersion
            : result.initialSchemaVersion;
    return version == null || version.isEmpty() ? null : version;
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
