package org.backupcatalog.domain.query;

/**
 * Where a page starts and how long it is: after the item named by {@code marker} (if any), then
 * {@code offset} items further, at most {@code limit} items.
 */
public record PageRequest(String marker, int offset, int limit) {

  public PageRequest {
    if (limit < 1 || offset < 0) {
      throw new IllegalArgumentException("limit must be >= 1 and offset >= 0");
    }
  }
}
