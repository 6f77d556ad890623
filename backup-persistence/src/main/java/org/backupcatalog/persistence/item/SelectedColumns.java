package org.backupcatalog.persistence.item;

/**
 * One row of a query that selects columns rather than the entity, read in the order they were
 * selected. A list page reads its items this way: EclipseLink then hands over the column values as
 * they are (a report query) instead of building, and tracking, an entity per row.
 */
final class SelectedColumns {

  private final Object[] row;
  private int next;

  SelectedColumns(Object[] row) {
    this.row = row;
  }

  /** The value of the next column, of the type its selection declared. */
  @SuppressWarnings("unchecked")
  <T> T next() {
    return (T) row[next++];
  }

  /** Whether every selected column has been read: a selection and its reader agree. */
  boolean isRead() {
    return next == row.length;
  }
}
