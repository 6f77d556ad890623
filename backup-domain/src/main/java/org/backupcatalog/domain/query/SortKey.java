package org.backupcatalog.domain.query;

import java.util.Arrays;
import java.util.Optional;

/** The keys a list may be sorted by: the allow-list between a query string and a column. */
public enum SortKey {
  CREATED_AT("created_at"),
  UPDATED_AT("updated_at"),
  NAME("name"),
  STATUS("status"),
  PROTECTED_AT("protected_at"),
  ID("id");

  private final String wireName;

  SortKey(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<SortKey> fromWireName(String name) {
    return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
  }
}
