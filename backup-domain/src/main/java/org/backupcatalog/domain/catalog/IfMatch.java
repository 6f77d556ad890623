package org.backupcatalog.domain.catalog;

import java.util.Set;

/**
 * The precondition of a write ({@code If-Match}): none, any existing revision ({@code *}), or one
 * of the given entity tags.
 */
public record IfMatch(boolean present, Set<String> etags) {

  public static final IfMatch NONE = new IfMatch(false, Set.of());
  public static final IfMatch ANY = new IfMatch(true, Set.of("*"));

  public IfMatch {
    etags = Set.copyOf(etags);
  }

  public static IfMatch anyOf(Set<String> etags) {
    return new IfMatch(true, etags);
  }

  /** Whether a write may replace the revision {@code currentEtag} (null: nothing stored yet). */
  public boolean admits(String currentEtag) {
    if (!present) {
      return true;
    }
    return currentEtag != null && (etags.contains("*") || etags.contains(currentEtag));
  }
}
