package org.backupcatalog.persistence.item;

import java.io.Serializable;
import java.util.Objects;

/** The key of an item's child row: the item, and the row's position in the item's list. */
public class ChildRowKey implements Serializable {

  private static final long serialVersionUID = 1L;

  String itemId;
  int position;

  public ChildRowKey() {}

  ChildRowKey(String itemId, int position) {
    this.itemId = itemId;
    this.position = position;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ChildRowKey that
        && position == that.position
        && Objects.equals(itemId, that.itemId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(itemId, position);
  }
}
