package org.backupcatalog.domain.query;

/** One key of an order, with its direction. */
public record SortTerm(SortKey key, SortDirection direction) {

  public boolean ascending() {
    return direction == SortDirection.ASC;
  }
}
