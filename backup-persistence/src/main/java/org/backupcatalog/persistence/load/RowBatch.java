package org.backupcatalog.persistence.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rows of one table waiting to be inserted, sent as multi-row {@code INSERT ... VALUES (...),
 * (...)} statements of {@link #ROWS_PER_STATEMENT} rows. Derby executes every element of a JDBC
 * batch as a statement of its own, opening the table and each of its indexes for a single row; many
 * rows per statement spread that cost (several times faster), and PostgreSQL gains too.
 */
final class RowBatch<T> implements AutoCloseable {

  static final int ROWS_PER_STATEMENT = 50;

  /** Binds one row's values, in the order of the insert's column list. */
  interface Binder<T> {
    void bind(Parameters parameters, T row) throws SQLException;
  }

  private final Connection connection;
  private final String insert;
  private final String placeholders;
  private final Binder<T> binder;
  private final List<T> pending = new ArrayList<>();
  private PreparedStatement many;
  private PreparedStatement one;

  /**
   * @param insert {@code INSERT INTO table (columns) VALUES }
   * @param columns how many columns the insert lists
   */
  RowBatch(Connection connection, String insert, int columns, Binder<T> binder) {
    this.connection = connection;
    this.insert = insert;
    this.placeholders = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
    this.binder = binder;
  }

  void add(T row) {
    pending.add(row);
  }

  /** Sends every pending row. */
  void flush() throws SQLException {
    int full = pending.size() / ROWS_PER_STATEMENT * ROWS_PER_STATEMENT;
    if (full > 0) {
      many = many != null ? many : prepare(ROWS_PER_STATEMENT);
      for (int start = 0; start < full; start += ROWS_PER_STATEMENT) {
        Parameters parameters = new Parameters(many);
        for (T row : pending.subList(start, start + ROWS_PER_STATEMENT)) {
          binder.bind(parameters, row);
        }
        many.addBatch();
      }
      many.executeBatch();
    }
    if (full < pending.size()) {
      one = one != null ? one : prepare(1);
      for (T row : pending.subList(full, pending.size())) {
        binder.bind(new Parameters(one), row);
        one.addBatch();
      }
      one.executeBatch();
    }
    pending.clear();
  }

  private PreparedStatement prepare(int rows) throws SQLException {
    return connection.prepareStatement(
        insert + String.join(", ", Collections.nCopies(rows, placeholders)));
  }

  @Override
  public void close() throws SQLException {
    try (PreparedStatement a = many;
        PreparedStatement b = one) {
      // closes both, even when one fails
    }
  }
}
