package org.backupcatalog.micro;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code BACKUP_DATA_DIR} (config {@code backup.data-dir}, default {@code ./data}): the folder of
 * the embedded database and its log, always used as an absolute path (STACK pitfall 8).
 */
final class DataDirectory {

  static final String PROPERTY = "backup.data-dir";
  static final String DEFAULT = "./data";

  private DataDirectory() {}

  /** The configured folder, absolute, created if missing. */
  static Path prepare() {
    Path dir = Path.of(Settings.get(PROPERTY, DEFAULT)).toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the data directory " + dir, e);
    }
    return dir;
  }

  /** {@code name[;attributes]} with a plain relative name resolved against {@code directory}. */
  static String derbyName(String databaseName, Path directory) {
    if (databaseName == null || databaseName.isBlank()) {
      return databaseName;
    }
    int attributes = databaseName.indexOf(';');
    String name = attributes < 0 ? databaseName : databaseName.substring(0, attributes);
    String rest = attributes < 0 ? "" : databaseName.substring(attributes);
    boolean subProtocol = name.indexOf(':') > 1; // "memory:x", not "C:\x"
    if (subProtocol || Path.of(name).isAbsolute()) {
      return databaseName;
    }
    return directory.resolve(name).normalize() + rest;
  }
}
