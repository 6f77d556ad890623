package org.backupcatalog.persistence.item;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backupcatalog.domain.query.SortKey;
import org.backupcatalog.domain.query.SortTerm;

/**
 * The effective order as ORDER BY, and "after the marker" as a seek condition on the same columns,
 * so that a page deep in a project is an index range scan rather than an OFFSET scan. Every sort
 * column is NOT NULL (protected_at sorts by protected_order, where NULL is the end of time), which
 * keeps the comparisons two-valued.
 */
final class Keyset {

  private Keyset() {}

  static List<Order> orderBy(
      CriteriaBuilder cb, Root<CheckpointItemEntity> item, List<SortTerm> terms) {
    return terms.stream()
        .map(t -> t.ascending() ? cb.asc(column(item, t.key())) : cb.desc(column(item, t.key())))
        .toList();
  }

  /**
   * {@code item} comes after the marker: written as {@code c1 >= m1 AND (c1 > m1 OR (c1 = m1 AND
   * ...))} (for ascending c1) because Derby bounds an index scan only by AND-ed predicates. The
   * marker's values are bound parameters ({@link #arguments}), so that PostgreSQL bounds its scan
   * by {@code c1 >= m1} too, which it does not when they are columns of the marker's row joined in.
   */
  static Predicate after(
      CriteriaBuilder cb, Root<CheckpointItemEntity> item, List<SortTerm> terms) {
    List<Predicate> alternatives = new ArrayList<>();
    List<Predicate> equalSoFar = new ArrayList<>();
    for (SortTerm term : terms) {
      Path<Comparable<Object>> c = column(item, term.key());
      Expression<Comparable<Object>> m = markerValue(cb, c, term.key());
      List<Predicate> alternative = new ArrayList<>(equalSoFar);
      alternative.add(term.ascending() ? cb.greaterThan(c, m) : cb.lessThan(c, m));
      alternatives.add(cb.and(alternative.toArray(Predicate[]::new)));
      equalSoFar.add(cb.equal(c, m));
    }
    SortTerm first = terms.get(0);
    Path<Comparable<Object>> c1 = column(item, first.key());
    Expression<Comparable<Object>> m1 = markerValue(cb, c1, first.key());
    Predicate bound =
        first.ascending() ? cb.greaterThanOrEqualTo(c1, m1) : cb.lessThanOrEqualTo(c1, m1);
    return cb.and(bound, cb.or(alternatives.toArray(Predicate[]::new)));
  }

  /**
   * The marker's values that {@link #after} compares with, by parameter name, into {@code into}.
   */
  static void arguments(MarkerRow marker, List<SortTerm> terms, Map<String, Object> into) {
    for (SortTerm term : terms) {
      into.put(parameter(term.key()), marker.sortValue(term.key()));
    }
  }

  @SuppressWarnings("unchecked")
  private static Expression<Comparable<Object>> markerValue(
      CriteriaBuilder cb, Path<Comparable<Object>> column, SortKey key) {
    return cb.parameter((Class<Comparable<Object>>) column.getJavaType(), parameter(key));
  }

  private static String parameter(SortKey key) {
    return "after_" + key.name();
  }

  /** The allow-list from sort keys to columns. */
  @SuppressWarnings("unchecked")
  static Path<Comparable<Object>> column(Root<CheckpointItemEntity> item, SortKey key) {
    Path<?> path =
        switch (key) {
          case CREATED_AT -> item.get(CheckpointItemEntity_.createdAt);
          case UPDATED_AT -> item.get(CheckpointItemEntity_.updatedAt);
          case NAME -> item.get(CheckpointItemEntity_.name);
          case STATUS -> item.get(CheckpointItemEntity_.status);
          case PROTECTED_AT -> item.get(CheckpointItemEntity_.protectedOrder);
          case ID -> item.get(CheckpointItemEntity_.id);
        };
    return (Path<Comparable<Object>>) path;
  }
}
