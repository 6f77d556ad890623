package org.backupcatalog.persistence.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.domain.InvalidParameterException;
import org.backupcatalog.domain.catalog.CheckpointItemPage;
import org.backupcatalog.domain.item.ProjectId;
import org.backupcatalog.domain.query.ListQuery;
import org.backupcatalog.domain.query.PageRequest;
import org.backupcatalog.domain.query.QueryParameters;
import org.backupcatalog.domain.query.Scope;
import org.backupcatalog.domain.reference.PageWalk;
import org.backupcatalog.domain.reference.RandomCatalogs;
import org.backupcatalog.domain.reference.ReferenceCatalog;

/**
 * The repository's filtering, ordering and paging, compared with the reference model on random
 * catalogs full of ties, NULLs and awkward names, on a real database.
 */
abstract class CheckpointItemQueryProperties {

  private final TestDatabase db;

  CheckpointItemQueryProperties(TestDatabase.Kind kind) {
    this.db = TestDatabase.shared(kind);
  }

  /** The database under test: one per kind, shared by the test classes. */
  TestDatabase db() {
    return db;
  }

  @Provide
  Arbitrary<List<CheckpointItem>> catalogs() {
    return RandomCatalogs.catalogs(30);
  }

  @Provide
  Arbitrary<Map<String, List<String>>> queries() {
    return RandomCatalogs.queries();
  }

  @Provide
  Arbitrary<Scope> scopes() {
    return Arbitraries.of(RandomCatalogs.PROJECTS)
        .map(p -> Scope.of(new ProjectId(p)))
        .injectNull(0.25)
        .map(s -> s == null ? Scope.allTenants() : s);
  }

  private ReferenceCatalog store(List<CheckpointItem> items) {
    db().deleteAll();
    db().repository().saveAll(items);
    return new ReferenceCatalog(items);
  }

  /** A marker that is sometimes a matching item, sometimes any item, sometimes nobody's. */
  private static String marker(List<CheckpointItem> items, int pick) {
    if (items.isEmpty() || pick % 7 == 0) {
      return pick % 2 == 0 ? null : "no-such-item";
    }
    return items.get(Math.floorMod(pick, items.size())).id();
  }

  @Property(tries = 250)
  void everyPageEqualsTheReferencePage(
      @ForAll("catalogs") List<CheckpointItem> items,
      @ForAll("queries") Map<String, List<String>> query,
      @ForAll("scopes") Scope scope,
      @ForAll int pick) {
    ReferenceCatalog reference = store(items);
    ListQuery parsed = QueryParameters.of(query).listQuery(scope, 1000);
    PageRequest p = parsed.page();
    ListQuery q =
        new ListQuery(
            scope,
            parsed.filter(),
            parsed.order(),
            new PageRequest(marker(items, pick), p.offset(), p.limit()));
    Optional<CheckpointItemPage> expected = answer(() -> reference.list(q));
    if (expected.isEmpty()) {
      assertThrows(InvalidParameterException.class, () -> db().repository().list(q));
    } else {
      assertEquals(expected.get(), db().repository().list(q));
    }
    assertEquals(
        reference.count(scope, parsed.filter()), db().repository().count(scope, parsed.filter()));
  }

  @Property(tries = 150)
  void walkingByMarkerReturnsEveryMatchOnceInOrder(
      @ForAll("catalogs") List<CheckpointItem> items,
      @ForAll("queries") Map<String, List<String>> query,
      @ForAll("scopes") Scope scope) {
    ReferenceCatalog reference = store(items);
    ListQuery q = QueryParameters.of(query).listQuery(scope, 1000);
    List<CheckpointItem> all =
        reference
            .list(new ListQuery(scope, q.filter(), q.order(), new PageRequest(null, 0, 1000)))
            .items();
    List<CheckpointItem> walked =
        PageWalk.all(
            (marker, n) ->
                db().repository()
                    .list(
                        new ListQuery(
                            scope,
                            q.filter(),
                            q.order(),
                            new PageRequest(marker, 0, q.page().limit()))),
            100);
    assertEquals(all, walked);
  }

  private static Optional<CheckpointItemPage> answer(
      java.util.function.Supplier<CheckpointItemPage> list) {
    try {
      return Optional.of(list.get());
    } catch (InvalidParameterException markerNotFound) {
      return Optional.empty();
    }
  }
}
