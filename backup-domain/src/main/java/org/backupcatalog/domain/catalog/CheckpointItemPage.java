package org.backupcatalog.domain.catalog;

import java.util.List;
import org.backupcatalog.api.CheckpointItem;

/** A page of items, and whether more follow it in the same order. */
public record CheckpointItemPage(List<CheckpointItem> items, boolean hasMore) {

  public CheckpointItemPage {
    items = List.copyOf(items);
  }

  /** The marker of the next page: the id of this page's last item. */
  public String nextMarker() {
    return items.get(items.size() - 1).id();
  }
}
