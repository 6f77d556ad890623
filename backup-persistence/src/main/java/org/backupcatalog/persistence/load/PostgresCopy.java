package org.backupcatalog.persistence.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import javax.sql.DataSource;

/**
 * Writes one share of a load into PostgreSQL over one connection with {@code COPY}, committing
 * every {@code batchSize} items with their volume backups and images. Stops early when another
 * writer of the same load has failed.
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
      List<CopyText> tables = LoadedTables.ALL.stream().map(CopyText::new).toList();
      RowCounts written = new RowCounts(0, 0, 0);
      try {
        int inBatch = 0;
        while (catalog.hasNext() && !failed.get()) {
          Backup backup = catalog.next();
          tables.forEach(table -> table.add(backup));
          if (++inBatch == batchSize || !catalog.hasNext()) {
            written = written.plus(commit(connection, tables));
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

  /** Items first, for the child rows' foreign keys. */
  private static RowCounts commit(Connection connection, List<CopyText> tables)
      throws SQLException {
    long items = tables.get(0).send(connection);
    long volumeBackups = tables.get(1).send(connection);
    long images = tables.get(2).send(connection);
    connection.commit();
    return new RowCounts(items, volumeBackups, images);
  }
}
