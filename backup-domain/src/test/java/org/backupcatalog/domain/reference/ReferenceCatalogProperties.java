package org.backupcatalog.domain.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.domain.item.ProjectId;
import org.backupcatalog.domain.query.ListQuery;
import org.backupcatalog.domain.query.PageRequest;
import org.backupcatalog.domain.query.QueryParameters;
import org.backupcatalog.domain.query.Scope;

/** The reference model agrees with itself: walking by marker gives the one big page. */
class ReferenceCatalogProperties {

  @Provide
  Arbitrary<List<CheckpointItem>> catalogs() {
    return RandomCatalogs.catalogs(40);
  }

  @Provide
  Arbitrary<Map<String, List<String>>> queries() {
    return RandomCatalogs.queries();
  }

  @Property(tries = 200)
  void markerWalkEqualsOneBigPage(
      @ForAll("catalogs") List<CheckpointItem> items,
      @ForAll("queries") Map<String, List<String>> query) {
    ReferenceCatalog reference = new ReferenceCatalog(items);
    ListQuery q = QueryParameters.of(query).listQuery(Scope.of(new ProjectId("p_beta")), 1000);
    ListQuery everything =
        new ListQuery(q.scope(), q.filter(), q.order(), new PageRequest(null, 0, 1000));
    List<CheckpointItem> expected = reference.list(everything).items();
    List<CheckpointItem> walked =
        PageWalk.all(
            (marker, n) ->
                reference.list(
                    new ListQuery(
                        q.scope(),
                        q.filter(),
                        q.order(),
                        new PageRequest(marker, 0, q.page().limit()))),
            100);
    assertEquals(expected, walked);
    assertEquals(expected.size(), reference.count(q.scope(), q.filter()));
  }
}
