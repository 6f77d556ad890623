package org.backupcatalog.domain.reference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.backupcatalog.api.BackupData;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.api.ExtendInfo;
import org.backupcatalog.domain.InvalidParameterException;
import org.backupcatalog.domain.catalog.CheckpointItemPage;
import org.backupcatalog.domain.query.ItemFilter;
import org.backupcatalog.domain.query.ListQuery;
import org.backupcatalog.domain.query.Scope;
import org.backupcatalog.domain.query.SortTerm;

/**
 * An independent, in-memory statement of the contract's filtering, ordering and paging rules
 * (CONTRACT sections 3 and 4), written as plainly as possible so that the real queries can be
 * compared with it. It sorts the whole catalog on every call: correctness, not speed.
 */
public final class ReferenceCatalog {

  private final List<CheckpointItem> items;

  public ReferenceCatalog(List<CheckpointItem> items) {
    this.items = List.copyOf(items);
  }

  public CheckpointItemPage list(ListQuery query) {
    Comparator<CheckpointItem> order = comparator(query.order().terms());
    List<CheckpointItem> matching =
        items.stream()
            .filter(inScope(query.scope()))
            .filter(matches(query.filter()))
            .sorted(order)
            .toList();
    List<CheckpointItem> after = new ArrayList<>(matching);
    String marker = query.page().marker();
    if (marker != null) {
      CheckpointItem markerItem =
          items.stream()
              .filter(inScope(query.scope()))
              .filter(i -> i.id().equals(marker))
              .findFirst()
              .orElseThrow(InvalidParameterException::markerNotFound);
      after = matching.stream().filter(i -> order.compare(i, markerItem) > 0).toList();
    }
    int from = (int) Math.min(after.size(), (long) query.page().offset());
    int to = (int) Math.min(after.size(), (long) from + query.page().limit());
    return new CheckpointItemPage(after.subList(from, to), to < after.size());
  }

  public long count(Scope scope, ItemFilter filter) {
    return items.stream().filter(inScope(scope)).filter(matches(filter)).count();
  }

  public List<CheckpointItem> items() {
    return items;
  }

  static Predicate<CheckpointItem> inScope(Scope scope) {
    return i -> scope.isAllTenants() || scope.project().value().equals(i.projectId());
  }

  static Predicate<CheckpointItem> matches(ItemFilter f) {
    return i -> {
      ExtendInfo e = i.extendInfo();
      BackupData b = i.backupData();
      return (f.statuses().isEmpty() || f.statuses().contains(i.status()))
          && contains(i.name(), f.nameContains())
          && contains(e.resourceName(), f.resourceNameContains())
          && equal(e.resourceAz(), f.az())
          && equal(i.resourceId(), f.resourceId())
          && equal(i.checkpointId(), f.checkpointId())
          && equal(i.policyId(), f.policyId())
          && equal(i.resourceType(), f.resourceType())
          && equal(e.imageType(), f.imageType())
          && (f.ip() == null || f.ip().equals(b.privateIp()) || f.ip().equals(b.eip()))
          && (f.startTime() == null || !i.createdAt().isBefore(f.startTime()))
          && (f.endTime() == null || !i.createdAt().isAfter(f.endTime()));
    };
  }

  private static boolean contains(String value, String foldedNeedle) {
    return foldedNeedle == null
        || (value != null && value.toLowerCase(Locale.ROOT).contains(foldedNeedle));
  }

  private static boolean equal(String value, String wanted) {
    return wanted == null || wanted.equals(value);
  }

  static Comparator<CheckpointItem> comparator(List<SortTerm> terms) {
    Comparator<CheckpointItem> all = (a, b) -> 0;
    for (SortTerm term : terms) {
      Comparator<CheckpointItem> one =
          switch (term.key()) {
            case CREATED_AT -> Comparator.comparing(CheckpointItem::createdAt);
            case UPDATED_AT -> Comparator.comparing(CheckpointItem::updatedAt);
            case NAME -> by(CheckpointItem::name);
            case STATUS -> by(i -> i.status().wireName());
            case PROTECTED_AT ->
                Comparator.comparing(
                    CheckpointItem::protectedAt, Comparator.nullsLast(Comparator.naturalOrder()));
            case ID -> by(CheckpointItem::id);
          };
      all = all.thenComparing(term.ascending() ? one : one.reversed());
    }
    return all;
  }

  private static Comparator<CheckpointItem> by(Function<CheckpointItem, String> field) {
    return (a, b) -> byCodePoint(field.apply(a), field.apply(b));
  }

  /** Unicode code point order, which Java's UTF-16 {@code compareTo} is not above U+FFFF. */
  public static int byCodePoint(String a, String b) {
    Objects.requireNonNull(a);
    Objects.requireNonNull(b);
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    for (int k = 0; k < Math.min(x.length, y.length); k++) {
      if (x[k] != y[k]) {
        return Integer.compare(x[k], y[k]);
      }
    }
    return Integer.compare(x.length, y.length);
  }
}
