package org.backupcatalog.web.config;

import java.nio.file.Path;
import java.util.logging.Logger;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * Derby's embedded datasource with its place in {@code BACKUP_DATA_DIR}: the catalog's default
 * {@code BACKUP_DB_CLASS}.
 *
 * <p>A plain relative database name ({@code catalog}, the default of {@code BACKUP_DB_NAME}) is
 * made absolute inside the data directory, and Derby's home and log are put there, by this class
 * itself. It has to be this class: the connection pool creates it before the first connection, and
 * that first connection comes from the persistence unit while the application is still being
 * deployed, before any of the application's own startup code runs. Absolute names and sub-protocols
 * ({@code memory:test}, {@code directory:/x}) are kept as given.
 */
public class CatalogDerbyDataSource extends EmbeddedDataSource {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(CatalogDerbyDataSource.class.getName());
  private static final Path DATA_DIRECTORY = prepareDerby();

  public CatalogDerbyDataSource() {
    setDatabaseName("catalog");
    setCreateDatabase("create");
  }

  @Override
  public synchronized void setDatabaseName(String databaseName) {
    super.setDatabaseName(inDataDirectory(databaseName, DATA_DIRECTORY));
  }

  /** {@code name[;attributes]} with a plain relative name resolved against {@code directory}. */
  static String inDataDirectory(String databaseName, Path directory) {
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

  private static Path prepareDerby() {
    Path dir = DataDirectory.prepare();
    // Read by Derby when its engine boots, which is at this pool's first connection.
    System.setProperty("derby.system.home", dir.toString());
    System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
    LOG.info(() -> "Embedded database in " + dir);
    return dir;
  }
}
