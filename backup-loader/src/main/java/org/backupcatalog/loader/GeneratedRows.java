package org.backupcatalog.loader;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.derby.vti.VTITemplate;

/**
 * The rows one load gives one table, as the result of a Derby table function. An {@code INSERT ...
 * SELECT} from a table function into an empty table is a Derby bulk insert: rows go to a new heap
 * without a log record each, and every index is built once by sorting at the end, instead of one
 * B-tree insert per index and row. Derby calls {@link #rows} by the name given in {@code CREATE
 * FUNCTION}; the load behind a call is looked up by the key it was registered under, because a
 * table function takes only SQL values.
 */
public final class GeneratedRows extends VTITemplate {

  private static final Map<String, Source> REGISTERED = new ConcurrentHashMap<>();

  /** The backups to turn into rows of the table. */
  record Source(Iterator<Backup> backups, LoadedTable table) {}

  private final Source source;
  private final ArrayDeque<Object[]> pending = new ArrayDeque<>();
  private Object[] current;
  private boolean lastWasNull;

  private GeneratedRows(Source source) {
    this.source = source;
  }

  static String register(Source source) {
    String key = UUID.randomUUID().toString();
    REGISTERED.put(key, source);
    return key;
  }

  static void forget(String key) {
    REGISTERED.remove(key);
  }

  /** The table function: {@code EXTERNAL NAME '...GeneratedRows.rows'}. */
  public static ResultSet rows(String key) throws SQLException {
    Source source = REGISTERED.get(key);
    if (source == null) {
      throw new SQLException("no bulk load is registered under " + key);
    }
    return new GeneratedRows(source);
  }

  @Override
  public boolean next() {
    while (pending.isEmpty() && source.backups().hasNext()) {
      source.table().rows().write(source.backups().next(), this::newRow);
    }
    current = pending.poll();
    return current != null;
  }

  private ColumnValues newRow() {
    Object[] row = new Object[source.table().columns().size()];
    pending.add(row);
    return new ArrayRow(row);
  }

  private Object value(int column) {
    Object value = current[column - 1];
    lastWasNull = value == null;
    return value;
  }

  @Override
  public boolean wasNull() {
    return lastWasNull;
  }

  @Override
  public String getString(int column) {
    return (String) value(column);
  }

  @Override
  public long getLong(int column) {
    Object value = value(column);
    return value == null ? 0 : (Long) value;
  }

  @Override
  public int getInt(int column) {
    return Math.toIntExact(getLong(column));
  }

  @Override
  public boolean getBoolean(int column) {
    Object value = value(column);
    return value != null && (Boolean) value;
  }

  @Override
  public void close() {
    pending.clear();
    current = null;
  }

  /** Fills one row's array in column order. */
  private static final class ArrayRow implements ColumnValues {

    private final Object[] row;
    private int next;

    ArrayRow(Object[] row) {
      this.row = row;
    }

    @Override
    public ColumnValues text(String value) {
      row[next++] = value;
      return this;
    }

    @Override
    public ColumnValues number(long value) {
      row[next++] = value;
      return this;
    }

    @Override
    public ColumnValues number(Long value) {
      row[next++] = value;
      return this;
    }

    @Override
    public ColumnValues flag(boolean value) {
      row[next++] = value;
      return this;
    }

    /**
     * As text, which the insert converts with Derby's TIMESTAMP function (DerbyBulkInsert): a
     * {@code java.sql.Timestamp} would pass through the JVM's zone, where a time that the zone
     * skips (02:30 on the day clocks go forward) does not exist.
     */
    @Override
    public ColumnValues time(Long epochMicros) {
      row[next++] = epochMicros == null ? null : ColumnValues.utcText(epochMicros);
      return this;
    }
  }
}
