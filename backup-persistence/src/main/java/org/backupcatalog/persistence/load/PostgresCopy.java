package org.backupcatalog.persistence.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
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

  /** Writes the items and the rows they hold; {@code committed} hears each committed batch size. */
  RowCounts write(SyntheticCatalog catalog, LongConsumer committed) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      CopyText items = new CopyText(LoadedTables.ITEMS);
      RowCounts written = new RowCounts(0, 0, 0);
      RowCounts batch = new RowCounts(0, 0, 0);
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
            batch = new RowCounts(0, 0, 0);
            committed.accept(inBatch);
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
