package org.backupcatalog.persistence.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import javax.sql.DataSource;

/**
 * Writes one share of a load's items over one connection, committing every {@code batchSize} items.
 * Stops early when another writer of the same load has failed.
 */
final class LoadWriter {

  private final DataSource dataSource;
  private final int batchSize;
  private final AtomicBoolean failed;

  LoadWriter(DataSource dataSource, int batchSize, AtomicBoolean failed) {
    this.dataSource = dataSource;
    this.batchSize = batchSize;
    this.failed = failed;
  }

  /** Writes the items and the rows they hold; {@code committed} hears each committed batch size. */
  Counts write(SyntheticCatalog catalog, LongConsumer committed) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (ItemInserts inserts = new ItemInserts(connection)) {
        long written = 0;
        int inBatch = 0;
        while (catalog.hasNext() && !failed.get()) {
          inserts.add(catalog.next());
          if (++inBatch == batchSize) {
            commit(connection, inserts, committed, inBatch);
            written += inBatch;
            inBatch = 0;
          }
        }
        commit(connection, inserts, committed, inBatch);
        written += inBatch;
        return new Counts(written, inserts.volumeBackupRows(), inserts.imageRows());
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

  private static void commit(
      Connection connection, ItemInserts inserts, LongConsumer committed, int items)
      throws SQLException {
    inserts.flush();
    connection.commit();
    committed.accept(items);
  }

  /** What one writer wrote. */
  record Counts(long items, long volumeBackups, long images) {

    Counts plus(Counts other) {
      return new Counts(
          items + other.items, volumeBackups + other.volumeBackups, images + other.images);
    }
  }
}
