package org.backupcatalog.micro;

import java.util.Locale;
import java.util.Optional;

/**
 * A setting of the catalog read as MicroProfile Config reads it from its two default sources: the
 * system property {@code backup.db.host}, else the environment variable {@code BACKUP_DB_HOST}. The
 * pool's classes live on Payara Micro's own class path, outside the WAR, where the application's
 * config is not at hand; the names and their precedence stay those of README's table.
 */
final class Settings {

  private Settings() {}

  static Optional<String> get(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      value = System.getenv(environmentName(name));
    }
    return Optional.ofNullable(value).filter(v -> !v.isEmpty());
  }

  static String get(String name, String defaultValue) {
    return get(name).orElse(defaultValue);
  }

  /** MicroProfile Config's mapping: every character but a letter or digit becomes {@code _}. */
  static String environmentName(String name) {
    return name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }
}
