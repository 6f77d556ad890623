package org.backupcatalog.persistence.item;

import java.util.Map;
import org.backupcatalog.domain.query.Scope;
import org.backupcatalog.domain.query.SortKey;

/**
 * What a page after a marker needs of the marker's row: its project, for the scope check, and its
 * sort values, which bound the page's index scan. Read alone ({@link PageQueries#marker}): the
 * whole entity, its lists and forty other columns, cost a deep page a seventh more than a first.
 */
record MarkerRow(String projectId, Map<SortKey, Comparable<Object>> sortValues) {

  /** Whether a reader in {@code scope} may page after this row. */
  boolean isIn(Scope scope) {
    return scope.includes(projectId);
  }

  /** The value of this row's sort column, as {@link Keyset#column} names it. */
  Comparable<Object> sortValue(SortKey key) {
    return sortValues.get(key);
  }
}
