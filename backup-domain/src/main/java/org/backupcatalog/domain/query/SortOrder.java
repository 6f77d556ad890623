package org.backupcatalog.domain.query;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.backupcatalog.domain.InvalidParameterException;

/**
 * The order of a list. The effective order always ends in {@code created_at} and {@code id}, which
 * makes it total: a marker then names one position, and walking the pages misses nothing.
 */
public record SortOrder(List<SortTerm> terms) {

  public static final int MAX_LENGTH = 255;
  public static final SortOrder DEFAULT = new SortOrder(List.of());

  public SortOrder {
    terms = effective(terms);
  }

  /** Parses {@code key[:dir][,key[:dir]...]}; every refusal names the {@code sort} parameter. */
  public static SortOrder parse(String sort) {
    if (sort.length() > MAX_LENGTH) {
      throw invalid("must be at most " + MAX_LENGTH + " characters");
    }
    List<SortTerm> requested = new ArrayList<>();
    Set<SortKey> seen = EnumSet.noneOf(SortKey.class);
    for (String part : sort.split(",", -1)) {
      SortTerm term = term(part);
      if (!seen.add(term.key())) {
        throw invalid("key " + term.key().wireName() + " is given twice");
      }
      requested.add(term);
    }
    return new SortOrder(requested);
  }

  private static SortTerm term(String part) {
    if (part.isEmpty()) {
      throw invalid("has an empty part; expected key[:asc|desc][,key[:asc|desc]...]");
    }
    int colon = part.indexOf(':');
    String keyName = colon < 0 ? part : part.substring(0, colon);
    SortKey key =
        SortKey.fromWireName(keyName)
            .orElseThrow(
                () ->
                    invalid(
                        "unknown key '"
                            + keyName
                            + "'; keys are created_at, updated_at, name, status, protected_at, id"));
    if (colon < 0) {
      return new SortTerm(key, SortDirection.DESC);
    }
    String dir = part.substring(colon + 1);
    return switch (dir) {
      case "asc" -> new SortTerm(key, SortDirection.ASC);
      case "desc" -> new SortTerm(key, SortDirection.DESC);
      default -> throw invalid("direction of " + keyName + " must be asc or desc");
    };
  }

  private static List<SortTerm> effective(List<SortTerm> requested) {
    List<SortTerm> all = new ArrayList<>(requested);
    SortDirection tail = requested.isEmpty() ? SortDirection.DESC : requested.get(0).direction();
    for (SortKey added : List.of(SortKey.CREATED_AT, SortKey.ID)) {
      if (all.stream().noneMatch(t -> t.key() == added)) {
        all.add(new SortTerm(added, tail));
      }
    }
    return List.copyOf(all);
  }

  private static InvalidParameterException invalid(String problem) {
    return new InvalidParameterException("sort", problem);
  }
}
