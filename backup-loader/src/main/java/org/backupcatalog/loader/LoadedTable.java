package org.backupcatalog.loader;

import java.util.List;

/**
 * One table a load fills: the columns it writes and the rows one generated backup gives it (none,
 * one or several), each started with {@link Rows#next()} and its values given in column order.
 */
record LoadedTable(String name, List<String> columns, RowsOfBackup rows) {

  LoadedTable {
    columns = List.copyOf(columns);
  }

  /** Where a table's rows go: each call starts a new row. */
  interface Rows {
    ColumnValues next();
  }

  interface RowsOfBackup {
    void write(Backup backup, Rows rows);
  }

  String columnList() {
    return String.join(", ", columns);
  }
}
