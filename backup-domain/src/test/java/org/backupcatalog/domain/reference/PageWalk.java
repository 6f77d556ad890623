package org.backupcatalog.domain.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.domain.catalog.CheckpointItemPage;

/**
 * Walks every page of a list the way the Go SDKs do: by the marker of the previous page's last
 * item, until no more follow. Guards against a service that never stops.
 */
public final class PageWalk {

  private PageWalk() {}

  /**
   * @param fetch called with (marker or null, page number); answers one page
   * @return every item, in the order the pages gave them
   */
  public static List<CheckpointItem> all(
      BiFunction<String, Integer, CheckpointItemPage> fetch, int maxPages) {
    List<CheckpointItem> all = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    String marker = null;
    for (int page = 0; page < maxPages; page++) {
      CheckpointItemPage p = fetch.apply(marker, page);
      for (CheckpointItem item : p.items()) {
        if (seen.put(item.id(), page) != null) {
          throw new AssertionError("item " + item.id() + " returned twice, again on page " + page);
        }
        all.add(item);
      }
      if (!p.hasMore()) {
        return all;
      }
      if (p.items().isEmpty()) {
        throw new AssertionError("an empty page claims that more items follow");
      }
      marker = p.nextMarker();
    }
    throw new AssertionError("more than " + maxPages + " pages");
  }
}
