package org.backupcatalog.web.item;

import java.util.HashSet;
import java.util.Set;
import org.backupcatalog.domain.catalog.IfMatch;

/** Reads {@code If-Match}: {@code *} or a list of strong entity tags (weak ones never match). */
final class EntityTags {

  private EntityTags() {}

  static IfMatch ifMatch(String header) {
    if (header == null || header.isBlank()) {
      return IfMatch.NONE;
    }
    Set<String> tags = new HashSet<>();
    for (String part : header.split(",")) {
      String tag = part.trim();
      if (tag.equals("*")) {
        return IfMatch.ANY;
      }
      if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
        tags.add(tag.substring(1, tag.length() - 1));
      }
    }
    // Present but matching nothing: a write with a stale or weak tag must fail, not pass.
    return IfMatch.anyOf(tags);
  }
}
