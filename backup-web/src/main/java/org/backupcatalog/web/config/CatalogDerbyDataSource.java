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
    super.setDatabaseName(DataDirectory.derbyName(databaseName, DATA_DIRECTORY));
  }

  /**
   * PostgreSQL's {@code sslmode}, which the catalog's datasource definition always passes: an
   * embedded database has no connection to secure, so it is ignored.
   */
  public void setSslmode(String ignored) {
    // nothing to secure
  }

  /** PostgreSQL's {@code prepareThreshold}, likewise passed always and ignored here. */
  public void setPrepareThreshold(int ignored) {
    // Derby prepares every statement anyway
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
