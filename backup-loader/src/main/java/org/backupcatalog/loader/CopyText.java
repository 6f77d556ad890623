package org.backupcatalog.loader;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/**
 * Rows of one table in PostgreSQL's COPY text format (tab between values, {@code \N} for NULL,
 * backslash escapes), sent with {@code COPY ... FROM STDIN}: the server parses them without
 * planning or binding a statement per row.
 */
final class CopyText implements LoadedTable.Rows, ColumnValues {

  private final LoadedTable table;
  private final String copy;
  private final StringBuilder text = new StringBuilder(1 << 20);
  private boolean firstInRow;
  private long rows;

  CopyText(LoadedTable table) {
    this.table = table;
    this.copy = "COPY " + table.name() + " (" + table.columnList() + ") FROM STDIN";
  }

  void add(Backup backup) {
    table.rows().write(backup, this);
  }

  @Override
  public ColumnValues next() {
    if (rows++ > 0) {
      text.append('\n');
    }
    firstInRow = true;
    return this;
  }

  /** Sends the rows added since the last call, in the connection's transaction. */
  long send(Connection connection) throws SQLException {
    if (rows == 0) {
      return 0;
    }
    text.append('\n');
    try (Reader in = new StringReader(text.toString())) {
      connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, in);
    } catch (IOException e) {
      throw new SQLException("could not send rows of " + table.name(), e);
    }
    long sent = rows;
    text.setLength(0);
    rows = 0;
    return sent;
  }

  /** The rows added since the last send, without the final line end. */
  String pending() {
    return text.toString();
  }

  @Override
  public ColumnValues text(String value) {
    if (value == null) {
      return raw("\\N");
    }
    separate();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\t' -> text.append("\\t");
        default -> text.append(c);
      }
    }
    return this;
  }

  @Override
  public ColumnValues number(long value) {
    separate();
    text.append(value);
    return this;
  }

  @Override
  public ColumnValues number(Long value) {
    return value == null ? raw("\\N") : number(value.longValue());
  }

  @Override
  public ColumnValues flag(boolean value) {
    return raw(value ? "t" : "f");
  }

  /** The UTC wall clock, as the catalog stores the entities' times. */
  @Override
  public ColumnValues time(Long epochMicros) {
    return epochMicros == null ? raw("\\N") : raw(ColumnValues.utcText(epochMicros));
  }

  private ColumnValues raw(String value) {
    separate();
    text.append(value);
    return this;
  }

  private void separate() {
    if (!firstInRow) {
      text.append('\t');
    }
    firstInRow = false;
  }
}
