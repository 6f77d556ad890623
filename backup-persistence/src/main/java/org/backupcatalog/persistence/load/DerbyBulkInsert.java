package org.backupcatalog.persistence.load;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Loads into Derby with one {@code INSERT ... SELECT} from a {@link GeneratedRows} table function,
 * all in one transaction: Derby bulk-inserts into a table that is empty (several times faster than
 * row inserts, which keep every index of the table up to date row by row) and inserts row by row
 * otherwise. Either way the load is all or nothing. The functions exist only within the load's
 * transaction.
 */
final class DerbyBulkInsert {

  private final DataSource dataSource;

  DerbyBulkInsert(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * @param backups the load's backups
   * @param itemsRead hears the running total of items handed to Derby
   */
  RowCounts write(Iterator<Backup> backups, LongConsumer itemsRead) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        RowCounts[] held = {new RowCounts(0, 0, 0)};
        Iterator<Backup> all = backups;
        Iterator<Backup> counted =
            new Iterator<>() {
              @Override
              public boolean hasNext() {
                return all.hasNext();
              }

              @Override
              public Backup next() {
                Backup backup = all.next();
                held[0] = held[0].plus(RowCounts.of(backup));
                return backup;
              }
            };
        long items = insert(connection, LoadedTables.ITEMS, counted, itemsRead);
        connection.commit();
        return new RowCounts(items, held[0].volumeBackups(), held[0].images());
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        // A pooled connection goes back as it came.
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  private static long insert(
      Connection connection, LoadedTable table, Iterator<Backup> backups, LongConsumer read)
      throws SQLException {
    String function = "bulk_rows_" + UUID.randomUUID().toString().replace("-", "");
    String key = GeneratedRows.register(new GeneratedRows.Source(backups, table, read));
    try (Statement ddl = connection.createStatement()) {
      ddl.execute(createFunction(connection, table, function));
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO "
                  + table.name()
                  + " ("
                  + table.columnList()
                  + ") SELECT * FROM TABLE ("
                  + function
                  + "(?)) AS generated")) {
        insert.setString(1, key);
        long rows = insert.executeLargeUpdate();
        ddl.execute("DROP FUNCTION " + function);
        return rows;
      }
    } finally {
      GeneratedRows.forget(key);
    }
  }

  /** The function's columns take the types the table has, read from the database itself. */
  private static String createFunction(Connection connection, LoadedTable table, String function)
      throws SQLException {
    Map<String, String> types = columnTypes(connection, table);
    String columns =
        table.columns().stream()
            .map(column -> column + " " + types.get(column))
            .collect(Collectors.joining(", "));
    return "CREATE FUNCTION "
        + function
        + "(load_key VARCHAR(36)) RETURNS TABLE ("
        + columns
        + ") LANGUAGE JAVA PARAMETER STYLE DERBY_JDBC_RESULT_SET NO SQL"
        + " EXTERNAL NAME '"
        + GeneratedRows.class.getName()
        + ".rows'";
  }

  private static Map<String, String> columnTypes(Connection connection, LoadedTable table)
      throws SQLException {
    DatabaseMetaData metadata = connection.getMetaData();
    Map<String, String> types = new HashMap<>();
    try (ResultSet columns =
        metadata.getColumns(
            null, connection.getSchema(), table.name().toUpperCase(Locale.ROOT), null)) {
      while (columns.next()) {
        String type = columns.getString("TYPE_NAME");
        types.put(
            columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
            switch (type) {
              case "VARCHAR" -> "VARCHAR(" + columns.getInt("COLUMN_SIZE") + ")";
              // A table function hands over strings; Derby converts them to the CLOB column.
              case "CLOB" -> "VARCHAR(32672)";
              default -> type;
            });
      }
    }
    for (String column : table.columns()) {
      if (!types.containsKey(column)) {
        throw new SQLException("table " + table.name() + " has no column " + column);
      }
    }
    return types;
  }
}
