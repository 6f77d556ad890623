package org.backupcatalog.web.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.backupcatalog.api.BackupStatus;
import org.backupcatalog.api.CheckpointItem;
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
import org.backupcatalog.persistence.load.BulkLoad;
import org.backupcatalog.persistence.schema.SchemaMigration;
import org.junit.jupiter.api.Test;

/**
 * The demo data on a real (in-memory Derby) schema: the generated items go to the database, the
 * hand-made ones through the ingest, here into a recording repository.
 */
class DemoCatalogTest {

  private final EmbeddedDataSource dataSource = new EmbeddedDataSource();
  private final Recorded repository = new Recorded();
  private final CheckpointItemIngest ingest =
      new CheckpointItemIngest(
          repository, Clock.fixed(Instant.parse("2025-07-03T00:00:00Z"), ZoneOffset.UTC));

  DemoCatalogTest() {
    dataSource.setDatabaseName("memory:demo-" + System.nanoTime() + ";create=true");
    SchemaMigration.migrate(dataSource);
  }

  @Test
  void fillsAnEmptyCatalogOnceAndThenLeavesItAlone() throws SQLException {
    DemoCatalog demo = new DemoCatalog(dataSource, ingest);
    DemoCatalog.Filled filled = demo.fillIfEmpty().orElseThrow();
    assertEquals(6 * DemoProjects.IDS.size(), filled.handMade());
    assertEquals(6 * DemoProjects.IDS.size(), repository.items.size());
    assertTrue(filled.generated().items() >= 2_000);
    assertEquals(filled.generated().items(), rows());
    assertEquals(DemoProjects.IDS, List.copyOf(filled.generated().itemsPerProject().keySet()));
    assertEquals(Optional.empty(), demo.fillIfEmpty());
    assertEquals(filled.generated().items(), rows());
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
        assertTrue(items.get(n).createdAt().isAfter(BulkLoad.DEFAULT_END));
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

  private long rows() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM checkpoint_item")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Keeps what the ingest saves; the demo never reads through the repository. */
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
      throw new UnsupportedOperationException();
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
