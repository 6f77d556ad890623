package org.backupcatalog.domain.query;

/** Ascending or descending; the contract's default is descending. */
public enum SortDirection {
  ASC,
  DESC;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
