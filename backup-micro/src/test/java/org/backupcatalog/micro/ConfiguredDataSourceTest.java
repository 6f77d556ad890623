package org.backupcatalog.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class ConfiguredDataSourceTest {

  private static Map<String, String> postgres() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("serverName", "db.example");
    settings.put("portNumber", "6543");
    settings.put("databaseName", "backup");
    settings.put("user", "catalog");
    settings.put("password", "secret");
    settings.put("sslmode", "require");
    settings.put("prepareThreshold", "0");
    settings.put("connectTimeout", "3");
    settings.put("loginTimeout", "4");
    settings.put("socketTimeout", "17");
    return settings;
  }

  @Test
  void everySettingReachesPostgresSetters() throws Exception {
    DataSource created =
        ConfiguredDataSource.create(PGSimpleDataSource.class.getName(), postgres());
    PGSimpleDataSource pg = created.unwrap(PGSimpleDataSource.class);
    assertEquals("db.example", pg.getServerNames()[0]);
    assertEquals(6543, pg.getPortNumbers()[0]);
    assertEquals("backup", pg.getDatabaseName());
    assertEquals("catalog", pg.getUser());
    assertEquals("secret", pg.getPassword());
    assertEquals("require", pg.getSslMode());
    assertEquals(0, pg.getPrepareThreshold());
    assertEquals(3, pg.getConnectTimeout());
    assertEquals(4, pg.getLoginTimeout());
    assertEquals(17, pg.getSocketTimeout());
  }

  @Test
  void everyWaitForTheDatabaseIsBoundedByDefault() {
    Map<String, String> defaults =
        ConfiguredDataSource.settings(PGSimpleDataSource.class.getName());
    assertEquals("2", defaults.get("connectTimeout"));
    assertEquals("5", defaults.get("loginTimeout"));
    assertEquals("30", defaults.get("socketTimeout"));
  }

  @Test
  void theEmbeddedDatabaseHasNoLoginTimeout() {
    assertFalse(
        ConfiguredDataSource.settings(ConfiguredDataSource.DEFAULT_CLASS)
            .containsKey("loginTimeout"));
  }

  @Test
  void settingsWithoutASetterAreSkipped() throws Exception {
    DataSource created =
        ConfiguredDataSource.create(
            "org.apache.derby.jdbc.EmbeddedDataSource",
            Map.of("databaseName", "memory:configured", "sslmode", "require"));
    assertTrue(created.getClass().getName().endsWith("EmbeddedDataSource"));
  }

  @Test
  void aClassThatIsNoDataSourceNamesTheSetting() {
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () -> ConfiguredDataSource.create("java.lang.StringBuilder", Map.of()));
    assertTrue(refused.getMessage().startsWith("backup.db.class (BACKUP_DB_CLASS)"));
  }

  @Test
  void aPortThatIsNoNumberNamesTheSetting() {
    Map<String, String> settings = postgres();
    settings.put("portNumber", "five");
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () -> ConfiguredDataSource.create(PGSimpleDataSource.class.getName(), settings));
    assertTrue(refused.getMessage().startsWith("The datasource's portNumber (from BACKUP_DB_*)"));
  }

  @Test
  void environmentNamesFollowMicroProfileConfig() {
    assertEquals(
        "BACKUP_DB_PREPARE_THRESHOLD", Settings.environmentName("backup.db.prepare-threshold"));
  }
}
