package org.backupcatalog.loader;

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

  /** Reports every this many items while Derby reads them. */
  private static final int REPORT_EVERY = 10_000;

  /**
   * @param backups the load's backups
   * @param listener hears the rows handed to Derby, and when the index build and commit start
   */
  RowCounts write(Iterator<Backup> backups, LoadListener listener) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        Counted counted = new Counted(backups, listener);
        listener.phase(LoadListener.Phase.WRITING);
        insert(connection, LoadedTables.ITEMS, counted);
        listener.phase(LoadListener.Phase.COMMITTING);
        connection.commit();
        return counted.soFar;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        // A pooled connection goes back as it came.
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  /**
   * The backups as Derby reads them, counted. Derby reads the last one before it sorts the rows
   * into the indexes, so running out is where the index build begins.
   */
  private static final class Counted implements Iterator<Backup> {

    private final Iterator<Backup> backups;
    private final LoadListener listener;
    private RowCounts soFar = RowCounts.NONE;
    private boolean ended;

    Counted(Iterator<Backup> backups, LoadListener listener) {
      this.backups = backups;
      this.listener = listener;
    }

    @Override
    public boolean hasNext() {
      boolean more = backups.hasNext();
      if (!more && !ended) {
        ended = true;
        listener.written(soFar);
        listener.phase(LoadListener.Phase.INDEXING);
      }
      return more;
    }

    @Override
    public Backup next() {
      Backup backup = backups.next();
      soFar = soFar.plus(RowCounts.of(backup));
      if (soFar.items() % REPORT_EVERY == 0) {
        listener.written(soFar);
      }
      return backup;
    }
  }

  private static long insert(Connection connection, LoadedTable table, Iterator<Backup> backups)
      throws SQLException {
    String function = "bulk_rows_" + UUID.randomUUID().toString().replace("-", "");
    String key = GeneratedRows.register(new GeneratedRows.Source(backups, table));
    Map<String, String> types = columnTypes(connection, table);
    try (Statement ddl = connection.createStatement()) {
      ddl.execute(createFunction(table, types, function));
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO "
                  + table.name()
                  + " ("
                  + table.columnList()
                  + ") SELECT "
                  + selectList(table, types)
                  + " FROM TABLE ("
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

  /**
   * The function's columns, times converted by Derby's TIMESTAMP function, which reads the text as
   * the wall clock it says. Derby's other conversions of text or of a {@code java.sql.Timestamp} to
   * a TIMESTAMP pass through the JVM's zone, where a time that the zone skips (02:30 on the day
   * clocks go forward) does not exist. A table function anywhere in the statement keeps it a bulk
   * insert.
   */
  private static String selectList(LoadedTable table, Map<String, String> types) {
    return table.columns().stream()
        .map(column -> types.get(column).equals("TIMESTAMP") ? "TIMESTAMP(" + column + ")" : column)
        .collect(Collectors.joining(", "));
  }

  /**
   * The function's columns take the types the table has, read from the database itself, except that
   * it hands over strings for CLOB columns (Derby converts them) and the times' text
   * (GeneratedRows, converted by {@link #selectList}).
   */
  private static String createFunction(
      LoadedTable table, Map<String, String> types, String function) {
    String columns =
        table.columns().stream()
            .map(
                column ->
                    column
                        + " "
                        + switch (types.get(column)) {
                          case "CLOB" -> "VARCHAR(32672)";
                          case "TIMESTAMP" -> "VARCHAR(26)";
                          default -> types.get(column);
                        })
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

  /** The table's column types, as SQL writes them: {@code VARCHAR(64)}, {@code TIMESTAMP}, ... */
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
            type.equals("VARCHAR") ? "VARCHAR(" + columns.getInt("COLUMN_SIZE") + ")" : type);
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
