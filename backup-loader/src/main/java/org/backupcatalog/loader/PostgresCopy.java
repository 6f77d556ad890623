package org.backupcatalog.loader;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Writes one share of a load into PostgreSQL over one connection with {@code COPY}, committing
 * every {@code batchSize} items. Stops early when another writer of the same load has failed.
 */
final class PostgresCopy {

  private final DataSource dataSource;
  private final int batchSize;
  private final AtomicBoolean failed;

  PostgresCopy(DataSource dataSource, int batchSize, AtomicBoolean failed) {
    this.dataSource = dataSource;
    this.batchSize = batchSize;
    this.failed = failed;
  }

  /** Writes the items; {@code committed} hears what each committed batch held. */
  RowCounts write(SyntheticCatalog catalog, Consumer<RowCounts> committed) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      CopyText items = new CopyText(LoadedTables.ITEMS);
      RowCounts written = RowCounts.NONE;
      RowCounts batch = RowCounts.NONE;
      try {
        int inBatch = 0;
        while (catalog.hasNext() && !failed.get()) {
          Backup backup = catalog.next();
          items.add(backup);
          batch = batch.plus(RowCounts.of(backup));
          if (++inBatch == batchSize || !catalog.hasNext()) {
            items.send(connection);
            connection.commit();
            written = written.plus(batch);
            committed.accept(batch);
            batch = RowCounts.NONE;
            inBatch = 0;
          }
        }
        return written;
      } catch (SQLException | RuntimeException e) {
        failed.set(true);
        connection.rollback();
        throw e;
      } finally {
        // A pooled connection goes back as it came.
        connection.setAutoCommit(autoCommit);
      }
    }
  }
}
