package org.backupcatalog.loader;

import static java.util.stream.Collectors.groupingBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.backupcatalog.api.BackupStatus;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.api.ExtendInfo;
import org.backupcatalog.api.VolumeBackup;
import org.backupcatalog.domain.catalog.CheckpointItemPage;
import org.backupcatalog.domain.item.CheckpointItemDefaults;
import org.backupcatalog.domain.item.ItemId;
import org.backupcatalog.domain.item.ProjectId;
import org.backupcatalog.domain.query.ItemFilter;
import org.backupcatalog.domain.query.ListQuery;
import org.backupcatalog.domain.query.PageRequest;
import org.backupcatalog.domain.query.Scope;
import org.backupcatalog.domain.query.SortOrder;
import org.backupcatalog.persistence.item.CheckpointItemEntity;
import org.backupcatalog.persistence.item.SkippedWallClock;
import org.backupcatalog.persistence.item.TestDatabase;
import org.backupcatalog.persistence.item.TransactionalRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Loads 3,000 items over seven projects with the bulk loader and reads them back through the JPA
 * repository, as the service would: they must be exactly the generated items, well-formed under the
 * contract, and shaped like a real catalog. Run on Derby and on PostgreSQL by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BulkLoadTest {

  private static final List<String> PROJECTS =
      List.of("big", "p-2", "p-3", "p-4", "p-5", "p-6", "small");
  private static final Set<BackupStatus> NOT_YET_AVAILABLE =
      EnumSet.of(BackupStatus.WAITING_PROTECT, BackupStatus.PROTECTING);
  private static final Pattern NAME =
      Pattern.compile(
          "(autobk|manualbk|backup)_[0-9a-f]{4}|Before-Upgrade_.+|Sicherung_Ä_[0-9a-f]{4}");

  // Two writers: the items must still be exactly those one writer generates.
  private final BulkLoad load =
      createdInASkippedHour(
          BulkLoad.of(3_000, PROJECTS).withIdPrefix("t-").withSeed(7).withThreads(2));
  private final TestDatabase.Kind kind;
  private TestDatabase database;
  private TransactionalRepository repository;
  private LoadReport report;
  private List<CheckpointItem> items;

  BulkLoadTest(TestDatabase.Kind kind) {
    this.kind = kind;
  }

  /** A database of its own: the load's 3,000 items would disturb the shared one's tests. */
  private TestDatabase freshDatabase() {
    return kind == TestDatabase.Kind.DERBY ? TestDatabase.derby() : TestDatabase.postgres();
  }

  @BeforeAll
  void load() throws SQLException {
    database = freshDatabase();
    repository = database.repository();
    report = load.into(database.dataSource());
    items = walk(Scope.allTenants());
  }

  @AfterAll
  void close() {
    database.close();
  }

  /** Every page of the scope, by marker: also shows that paging through bursts loses nothing. */
  private List<CheckpointItem> walk(Scope scope) {
    List<CheckpointItem> all = new ArrayList<>();
    String marker = null;
    while (true) {
      CheckpointItemPage page =
          repository.list(
              new ListQuery(
                  scope, ItemFilter.NONE, SortOrder.DEFAULT, new PageRequest(marker, 0, 1000)));
      all.addAll(page.items());
      if (!page.hasMore()) {
        return all;
      }
      marker = page.nextMarker();
    }
  }

  /**
   * The load moved in time so that its first item is created at a wall clock that the JVM's zone
   * skips ({@link SkippedWallClock}), which both writers must store as it is: a history is the same
   * relative to its end.
   */
  private static BulkLoad createdInASkippedHour(BulkLoad load) {
    Instant skipped = SkippedWallClock.first().plusMinutes(15).toInstant(ZoneOffset.UTC);
    Instant first = ExpectedItems.of(load).get(0).createdAt();
    return load.endingAt(load.end().plus(Duration.between(first, skipped)));
  }

  @Test
  void readsBackExactlyTheGeneratedItems() {
    Instant skipped = SkippedWallClock.first().plusMinutes(15).toInstant(ZoneOffset.UTC);
    assertTrue(
        items.stream().anyMatch(i -> i.createdAt().equals(skipped)),
        "an item created at " + skipped);
    Map<String, CheckpointItem> read =
        items.stream().collect(Collectors.toMap(CheckpointItem::id, Function.identity()));
    List<CheckpointItem> expected = ExpectedItems.of(load);
    assertEquals(3_000, expected.size());
    assertEquals(3_000, read.size());
    for (CheckpointItem e : expected) {
      assertEquals(e, read.get(e.id()), e.id());
    }
  }

  @Test
  void countsPerProjectAddUpAndAreSkewed() {
    assertEquals(3_000, report.items());
    assertEquals(3_000, repository.count(Scope.allTenants(), ItemFilter.NONE));
    long sum = 0;
    for (String project : PROJECTS) {
      long count = repository.count(Scope.of(new ProjectId(project)), ItemFilter.NONE);
      assertEquals((long) report.itemsPerProject().get(project), count, project);
      sum += count;
    }
    assertEquals(3_000, sum);
    int first = report.itemsPerProject().get("big");
    int last = report.itemsPerProject().get("small");
    assertTrue(first > 4 * last, first + " vs " + last);
  }

  @Test
  void everyStatusOccursAndMostAreAvailable() {
    Map<BackupStatus, Long> byStatus =
        items.stream().collect(groupingBy(CheckpointItem::status, Collectors.counting()));
    assertEquals(EnumSet.allOf(BackupStatus.class), byStatus.keySet());
    assertTrue(byStatus.get(BackupStatus.AVAILABLE) > 3_000 * 0.7, byStatus.toString());
  }

  @Test
  void onlyBackupsThatBecameAvailableHaveProtectedAt() {
    for (CheckpointItem item : items) {
      ExtendInfo e = item.extendInfo();
      boolean neverAvailable =
          NOT_YET_AVAILABLE.contains(item.status())
              || (item.status() == BackupStatus.ERROR && e.failOp().equals("backup"));
      assertEquals(neverAvailable, item.protectedAt() == null, item.id());
      assertEquals(NOT_YET_AVAILABLE.contains(item.status()), e.finishedAt() == null, item.id());
      assertFalse(item.updatedAt().isBefore(item.createdAt()), item.id());
      if (item.protectedAt() != null) {
        assertFalse(item.protectedAt().isBefore(item.createdAt()), item.id());
        assertEquals(100L, e.progress(), item.id());
      }
    }
  }

  @Test
  void volumeBackupsFollowTheResourcesDisksInOrder() {
    for (CheckpointItem item : items) {
      List<VolumeBackup> volumes = item.extendInfo().volumeBackups();
      String resource = item.extendInfo().resourceName();
      if (item.resourceType().equals("OS::Nova::Server")) {
        assertTrue(volumes.size() >= 1 && volumes.size() <= 3, item.id());
        for (int i = 0; i < volumes.size(); i++) {
          VolumeBackup v = volumes.get(i);
          assertEquals(i == 0, v.bootable(), item.id());
          assertEquals(resource + (i == 0 ? "-sys" : "-data" + i), v.sourceVolumeName());
          assertEquals(item.name(), v.name());
        }
      } else {
        assertEquals("OS::Cinder::Volume", item.resourceType());
        assertEquals(1, volumes.size(), item.id());
        assertEquals(item.resourceId(), volumes.get(0).sourceVolumeId());
        assertFalse(volumes.get(0).bootable());
      }
    }
  }

  @Test
  void failuresCarryCodeOperationAndReason() {
    for (CheckpointItem item : items) {
      ExtendInfo e = item.extendInfo();
      if (item.status() == BackupStatus.ERROR) {
        assertNotNull(e.failCode(), item.id());
        assertFalse(e.failCode().code().isEmpty() || e.failCode().description().isEmpty());
        assertTrue(Set.of("backup", "restore", "delete").contains(e.failOp()), item.id());
        assertFalse(e.failReason().isEmpty(), item.id());
      } else {
        assertNull(e.failCode(), item.id());
        assertEquals("", e.failOp());
        assertEquals("", e.failReason());
      }
    }
  }

  @Test
  void onlyServersFailToFreezeAndThenSayAppConsistencyFailed() {
    List<CheckpointItem> frozen =
        items.stream()
            .filter(i -> i.extendInfo().failCode() != null)
            .filter(i -> i.extendInfo().failCode().code().equals("BackupService.6407"))
            .toList();
    assertFalse(frozen.isEmpty());
    for (CheckpointItem item : frozen) {
      assertEquals("OS::Nova::Server", item.resourceType(), item.id());
      assertEquals(1L, item.extendInfo().appConsistency().appConsistencyStatus(), item.id());
    }
  }

  @Test
  void namesTriggersAndPoliciesAgree() {
    for (CheckpointItem item : items) {
      assertTrue(NAME.matcher(item.name()).matches(), item.name());
      boolean auto = item.name().startsWith("autobk_");
      assertEquals(auto, item.extendInfo().autoTrigger(), item.id());
      assertEquals(auto, item.policyId() != null, item.id());
    }
  }

  @Test
  void policyRunsShareOneInstantAndCheckpoint() {
    Map<String, List<CheckpointItem>> runs =
        items.stream().collect(groupingBy(i -> i.projectId() + " " + i.createdAt()));
    List<CheckpointItem> largest =
        runs.values().stream().max((a, b) -> Integer.compare(a.size(), b.size())).orElseThrow();
    assertTrue(largest.size() >= 10, "largest burst: " + largest.size());
    assertEquals(1, largest.stream().map(CheckpointItem::checkpointId).distinct().count());
    assertEquals(
        largest.size(), largest.stream().map(CheckpointItem::resourceId).distinct().count());
  }

  @Test
  void someBackupsAreReplicasOrReplicated() {
    List<CheckpointItem> replicas =
        items.stream().filter(i -> i.extendInfo().imageType().equals("replication")).toList();
    assertFalse(replicas.isEmpty());
    replicas.forEach(r -> assertFalse(r.extendInfo().copyFrom().isEmpty(), r.id()));
    assertTrue(items.stream().anyMatch(i -> !i.extendInfo().copyStatus().equals("na")));
    assertTrue(items.stream().anyMatch(i -> !i.backupData().eip().isEmpty()));
    assertTrue(items.stream().anyMatch(i -> !i.extendInfo().osImagesData().isEmpty()));
    assertTrue(items.stream().anyMatch(i -> i.extendInfo().appConsistency() != null));
  }

  @Test
  void itemsAreStoredAsAPutWouldStoreThem() {
    Instant now = Instant.parse("2030-01-01T00:00:00Z");
    for (CheckpointItem item : items) {
      CheckpointItem completed =
          CheckpointItemDefaults.complete(
              item, new ItemId(item.id()), new ProjectId(item.projectId()), now);
      assertEquals(completed, item, item.id());
    }
  }

  @Test
  void nameFilterMatchesTheFoldedCopies() {
    long expected =
        items.stream().filter(i -> i.name().toLowerCase().contains("sicherung_ä")).count();
    assertTrue(expected > 0);
    ItemFilter filter =
        new ItemFilter(
            Set.of(), "sicherung_ä", null, null, null, null, null, null, null, null, null, null);
    assertEquals(expected, repository.count(Scope.allTenants(), filter));
  }

  @Test
  void aSecondLoadWithTheSamePrefixFailsAndKeepsNothingOfItsBatch() throws SQLException {
    try (TestDatabase other = freshDatabase()) {
      BulkLoad small = BulkLoad.of(50, List.of("x")).withIdPrefix("dup-");
      small.into(other.dataSource());
      assertThrows(SQLException.class, () -> small.withSeed(2).into(other.dataSource()));
      assertEquals(50, other.repository().count(Scope.allTenants(), ItemFilter.NONE));
    }
  }

  /** Derby bulk-inserts only into empty tables; into a filled one it inserts row by row. */
  @Test
  void aSecondLoadWithAnotherPrefixAddsItsItems() throws SQLException {
    try (TestDatabase other = freshDatabase()) {
      BulkLoad first = BulkLoad.of(40, List.of("x", "y")).withIdPrefix("one-");
      BulkLoad second = BulkLoad.of(60, List.of("y", "z")).withIdPrefix("two-").withSeed(3);
      LoadReport one = first.into(other.dataSource());
      LoadReport two = second.into(other.dataSource());
      assertEquals(40, one.items());
      assertEquals(60, two.items());
      List<CheckpointItem> expected = new ArrayList<>(ExpectedItems.of(first));
      expected.addAll(ExpectedItems.of(second));
      TransactionalRepository read = other.repository();
      for (CheckpointItem e : expected) {
        Scope scope = Scope.of(new ProjectId(e.projectId()));
        assertEquals(e, read.find(scope, new ItemId(e.id())).orElseThrow().item(), e.id());
      }
      assertEquals(100, read.count(Scope.allTenants(), ItemFilter.NONE));
    }
  }

  @Test
  void endOfTimeIsTheEntitys() {
    assertEquals(
        CheckpointItemEntity.END_OF_TIME,
        ColumnValues.utc(LoadedTables.END_OF_TIME).atOffset(ZoneOffset.UTC).toLocalDateTime());
  }
}
