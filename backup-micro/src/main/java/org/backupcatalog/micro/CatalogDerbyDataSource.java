package org.backupcatalog.micro;

import java.nio.file.Path;
import java.util.logging.Logger;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * Derby's embedded datasource with its place in {@code BACKUP_DATA_DIR}: the executable jar's
 * default {@code BACKUP_DB_CLASS}.
 *
 * <p>A plain relative database name ({@code catalog}, the default of {@code BACKUP_DB_NAME}) is
 * made absolute inside the data directory, and Derby's home and log are put there, by this class
 * itself: Derby reads them when its engine boots, at the pool's first connection, which comes from
 * the persistence unit while the application is still being deployed. Absolute names and
 * sub-protocols ({@code memory:test}, {@code directory:/x}) are kept as given.
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

  private static Path prepareDerby() {
    Path dir = DataDirectory.prepare();
    System.setProperty("derby.system.home", dir.toString());
    System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
    LOG.info(() -> "Embedded database in " + dir);
    return dir;
  }
}
