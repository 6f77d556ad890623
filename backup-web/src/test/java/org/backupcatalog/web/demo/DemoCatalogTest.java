package org.backupcatalog.web.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backupcatalog.api.BackupStatus;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.domain.catalog.CheckpointItemCatalog;
import org.backupcatalog.domain.catalog.CheckpointItemIngest;
import org.backupcatalog.domain.catalog.CheckpointItemPage;
import org.backupcatalog.domain.catalog.CheckpointItemRepository;
import org.backupcatalog.domain.catalog.IfMatch;
import org.backupcatalog.domain.catalog.WriteResult;
import org.backupcatalog.domain.item.ItemId;
import org.backupcatalog.domain.item.ProjectId;
import org.backupcatalog.domain.item.StoredCheckpointItem;
import org.backupcatalog.domain.query.ItemFilter;
import org.backupcatalog.domain.query.ListQuery;
import org.backupcatalog.domain.query.Scope;
import org.junit.jupiter.api.Test;

/** The demo data, written through the ingest, here into a recording repository. */
class DemoCatalogTest {

  private final Recorded repository = new Recorded();
  private final CheckpointItemIngest ingest =
      new CheckpointItemIngest(
          repository, Clock.fixed(Instant.parse("2025-07-03T00:00:00Z"), ZoneOffset.UTC));
  private final DemoCatalog demo = new DemoCatalog(new CheckpointItemCatalog(repository), ingest);

  @Test
  void fillsAnEmptyCatalogOnceAndThenLeavesItAlone() {
    DemoCatalog.Filled filled = demo.fillIfEmpty().orElseThrow();
    int projects = DemoProjects.IDS.size();
    assertEquals(6 * projects, filled.handMade());
    assertEquals(DemoCatalog.GENERATED_PER_PROJECT * projects, filled.generated());
    assertEquals(filled.handMade() + filled.generated(), repository.items.size());
    for (String project : DemoProjects.IDS) {
      assertEquals(
          6 + DemoCatalog.GENERATED_PER_PROJECT,
          repository.items.values().stream().filter(i -> i.projectId().equals(project)).count());
    }
    assertEquals(Optional.empty(), demo.fillIfEmpty());
    assertEquals(filled.handMade() + filled.generated(), repository.items.size());
  }

  @Test
  void generatedItemsAreRepeatableVariedAndOlderThanTheHandMadeOnes() {
    List<CheckpointItem> items = GeneratedDemoItems.of("demo-project-a", 0, 300, 7);
    assertEquals(items, GeneratedDemoItems.of("demo-project-a", 0, 300, 7));
    assertEquals(300, items.stream().map(CheckpointItem::id).distinct().count());
    assertTrue(items.stream().allMatch(i -> i.createdAt().isBefore(GeneratedDemoItems.END)));
    assertTrue(items.stream().allMatch(i -> i.id().matches("demo-[0-9a-f]{8}")));
    assertTrue(items.stream().map(CheckpointItem::status).distinct().count() >= 3);
    assertTrue(items.stream().anyMatch(i -> i.extendInfo().volumeBackups().size() > 1));
  }

  @Test
  void everyDemoProjectGetsTheSameReadableItemsUnderItsOwnIds() {
    for (int index = 0; index < DemoProjects.IDS.size(); index++) {
      List<CheckpointItem> items = DemoItems.of(index);
      String letter = Character.toString('a' + index);
      assertEquals(6, items.size());
      for (int n = 0; n < items.size(); n++) {
        assertEquals("demo-" + letter + "-000" + (n + 1), items.get(n).id());
        // newer than anything generated, so they head the default order
        assertTrue(items.get(n).createdAt().isAfter(GeneratedDemoItems.END));
      }
      CheckpointItem failed = items.get(3);
      assertEquals(BackupStatus.ERROR, failed.status());
      assertNotNull(failed.extendInfo().failCode());
      assertNull(failed.protectedAt());
      assertEquals(BackupStatus.PROTECTING, items.get(4).status());
      assertNull(items.get(4).protectedAt());
      assertEquals("replication", items.get(5).extendInfo().imageType());
      assertFalse(items.get(5).extendInfo().copyFrom().isEmpty());
      assertEquals(items.get(0).createdAt(), items.get(1).createdAt(), "one policy run");
    }
  }

  /** Keeps what the ingest saves; the demo only counts what is there. */
  private static final class Recorded implements CheckpointItemRepository {

    final Map<String, CheckpointItem> items = new LinkedHashMap<>();

    @Override
    public WriteResult save(CheckpointItem item, IfMatch ifMatch) {
      boolean created = items.put(item.id(), item) == null;
      return new WriteResult(new StoredCheckpointItem(item, "etag"), created);
    }

    @Override
    public CheckpointItemPage list(ListQuery query) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long count(Scope scope, ItemFilter filter) {
      return items.size();
    }

    @Override
    public Optional<StoredCheckpointItem> find(Scope scope, ItemId id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean delete(ProjectId project, ItemId id) {
      throw new UnsupportedOperationException();
    }
  }
}
