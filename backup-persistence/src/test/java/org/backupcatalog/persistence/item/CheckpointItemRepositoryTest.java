package org.backupcatalog.persistence.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.CopyOnWriteArrayList;
import org.backupcatalog.api.AppConsistency;
import org.backupcatalog.api.BackupData;
import org.backupcatalog.api.BackupStatus;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.api.CheckpointItemJson;
import org.backupcatalog.api.ExtendInfo;
import org.backupcatalog.api.FailCode;
import org.backupcatalog.api.ImageData;
import org.backupcatalog.api.VolumeBackup;
import org.backupcatalog.domain.InvalidParameterException;
import org.backupcatalog.domain.PreconditionFailedException;
import org.backupcatalog.domain.catalog.IfMatch;
import org.backupcatalog.domain.catalog.WriteResult;
import org.backupcatalog.domain.item.ItemId;
import org.backupcatalog.domain.item.ProjectId;
import org.backupcatalog.domain.query.ItemFilter;
import org.backupcatalog.domain.query.ListQuery;
import org.backupcatalog.domain.query.PageRequest;
import org.backupcatalog.domain.query.Scope;
import org.backupcatalog.domain.query.SortOrder;
import org.eclipse.persistence.internal.weaving.PersistenceWeaved;
import org.eclipse.persistence.internal.weaving.PersistenceWeavedChangeTracking;
import org.eclipse.persistence.jpa.JpaEntityManager;
import org.eclipse.persistence.queries.DatabaseQuery;
import org.eclipse.persistence.queries.InMemoryQueryIndirectionPolicy;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionProfiler;
import org.eclipse.persistence.sessions.SessionProfilerAdapter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

abstract class CheckpointItemRepositoryTest {

  private final TestDatabase db;

  CheckpointItemRepositoryTest(TestDatabase.Kind kind) {
    this.db = TestDatabase.shared(kind);
  }

  /** The database under test: one per kind, shared by the test classes. */
  TestDatabase db() {
    return db;
  }

  private static final Scope P = Scope.of(new ProjectId("p"));

  private TransactionalRepository repository;

  @BeforeEach
  void empty() {
    db().deleteAll();
    repository = db().repository();
  }

  static CheckpointItem full(String id, String project, int volumes) {
    List<VolumeBackup> vbs =
        java.util.stream.IntStream.range(0, volumes)
            .mapToObj(
                k ->
                    new VolumeBackup(
                        5L,
                        k == 0,
                        "vb-" + k,
                        "backup",
                        true,
                        "manualbk_" + k,
                        1024L * k,
                        "vol-" + k,
                        20L,
                        3L,
                        "available",
                        "disk-" + k,
                        "snap-" + k,
                        k == 1
                            ? Json.createObjectBuilder().add("vendor_key", k).build()
                            : Json.createObjectBuilder().build()))
            .toList();
    return new CheckpointItem(
        id,
        project,
        "Sicherung_Ä 😀",
        "nightly",
        BackupStatus.AVAILABLE,
        "res-1",
        "OS::Nova::Server",
        "cp-" + id,
        "pol-1",
        Instant.parse("2017-04-15T04:20:37.277880Z"),
        Instant.parse("2017-04-15T04:25:38.680638Z"),
        Instant.parse("2017-04-15T04:25:38.675478Z"),
        new ExtendInfo(
            false,
            0L,
            "",
            "na",
            new FailCode("1234", "disk full"),
            "backup",
            "reason",
            "backup",
            false,
            100L,
            "az1.dc1",
            "karbor_02",
            "OS::Nova::Server",
            0L,
            0L,
            vbs,
            Instant.parse("2017-04-15T04:25:38.675478Z"),
            "backup",
            List.of(new ImageData("fe84dd80", Json.createObjectBuilder().build())),
            false,
            new AppConsistency(1L, 2L, null, "frozen"),
            "task-1",
            "QEMU",
            Json.createObjectBuilder()
                .add("replication_records", Json.createArrayBuilder().add("r1"))
                .build()),
        new BackupData(
            "",
            "",
            0L,
            "",
            4096L,
            4L,
            "198.51.100.1",
            "10.0.0.1",
            Json.createObjectBuilder().add("flavor", "s3.large").build()));
  }

  @Test
  void storesAndReturnsEveryFieldUnchanged() {
    CheckpointItem item = full("item-1", "p", 3);
    WriteResult written = repository.save(item, IfMatch.NONE);
    assertTrue(written.created());
    assertEquals(item, written.stored().item());
    assertEquals(item, repository.find(P, new ItemId("item-1")).orElseThrow().item());
    assertEquals(List.of(item), list(P, null).items());
  }

  /**
   * A page copies an item's lists from its stored text: the bytes are those the item's JSON-P tree
   * writes, on both databases (PostgreSQL's TEXT and Derby's CLOB keep the text as written).
   */
  @Test
  void aPageWritesTheStoredListsAsTheItemsTreeDoes() throws IOException {
    CheckpointItem item = full("item-1", "p", 3);
    repository.save(item, IfMatch.NONE);
    CheckpointItem read = list(P, null).items().get(0);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator generator = CheckpointItemJson.createGenerator(bytes)) {
      CheckpointItemJson.write(generator, read, false);
    }
    assertEquals(
        CheckpointItemJson.write(item, false).toString(), bytes.toString(StandardCharsets.UTF_8));
  }

  /** As in the container: woven, with change tracking, so a replacement must go through setters. */
  @Test
  void aStreamedPageLeavesNoRowInTheSessionCache() {
    for (int i = 0; i < 5; i++) {
      repository.save(full("item-" + i, "p", 2), IfMatch.NONE);
    }
    jakarta.persistence.EntityManager em = db().entityManager();
    try {
      em.getTransaction().begin();
      org.eclipse.persistence.sessions.Session session =
          em.unwrap(org.eclipse.persistence.sessions.UnitOfWork.class).getParent();
      List<Integer> cachedWhileStreaming = new java.util.ArrayList<>();
      boolean more =
          new JpaCheckpointItemRepository(em)
              .stream(
                  new ListQuery(P, ItemFilter.NONE, SortOrder.DEFAULT, new PageRequest(null, 0, 4)),
                  item ->
                      cachedWhileStreaming.add(
                          session
                              .getIdentityMapAccessor()
                              .getAllFromIdentityMap(
                                  null,
                                  CheckpointItemEntity.class,
                                  null,
                                  InMemoryQueryIndirectionPolicy.SHOULD_TRIGGER_INDIRECTION,
                                  true)
                              .size()));
      assertTrue(more);
      // A read-only row that joined the cache would stay reachable until the request ends.
      assertEquals(List.of(0, 0, 0, 0), cachedWhileStreaming);
    } finally {
      em.getTransaction().rollback();
      em.close();
    }
  }

  @Test
  void theEntitiesAreWovenWithChangeTracking() {
    assertTrue(PersistenceWeaved.class.isAssignableFrom(CheckpointItemEntity.class));
    assertTrue(PersistenceWeavedChangeTracking.class.isAssignableFrom(CheckpointItemEntity.class));
    assertTrue(PersistenceWeavedChangeTracking.class.isAssignableFrom(ExtendInfoColumns.class));
  }

  @Test
  void replacesTheWholeItemIncludingItsVolumeBackups() {
    repository.save(full("item-1", "p", 3), IfMatch.NONE);
    CheckpointItem smaller = full("item-1", "p", 1);
    WriteResult replaced = repository.save(smaller, IfMatch.NONE);
    assertFalse(replaced.created());
    assertEquals(smaller, repository.find(P, new ItemId("item-1")).orElseThrow().item());
  }

  @Test
  void everyWriteChangesTheEntityTagAndIfMatchGuardsIt() {
    String first = repository.save(full("item-1", "p", 1), IfMatch.NONE).stored().etag();
    String second =
        repository.save(full("item-1", "p", 2), IfMatch.anyOf(Set.of(first))).stored().etag();
    assertNotEquals(first, second);
    assertThrows(
        PreconditionFailedException.class,
        () -> repository.save(full("item-1", "p", 3), IfMatch.anyOf(Set.of(first))));
    assertEquals(2, volumes("item-1"));
    assertThrows(
        PreconditionFailedException.class,
        () -> repository.save(full("item-2", "p", 1), IfMatch.ANY));
    assertTrue(repository.find(P, new ItemId("item-2")).isEmpty());
  }

  @Test
  void refusesAnIdOfAnotherProjectAndStoresNothing() {
    repository.save(full("item-1", "p", 1), IfMatch.NONE);
    assertThrows(
        InvalidParameterException.class,
        () -> repository.save(full("item-1", "q", 3), IfMatch.NONE));
    assertEquals(1, volumes("item-1"));
    assertEquals(
        "p", repository.find(Scope.allTenants(), new ItemId("item-1")).get().item().projectId());
  }

  @Test
  void anotherProjectsItemReadsAsMissing() {
    repository.save(full("item-1", "q", 1), IfMatch.NONE);
    assertTrue(repository.find(P, new ItemId("item-1")).isEmpty());
    assertThrows(InvalidParameterException.class, () -> list(P, "item-1"));
    assertFalse(repository.delete(new ProjectId("p"), new ItemId("item-1")));
    assertEquals(1, repository.count(Scope.allTenants(), ItemFilter.NONE));
  }

  @Test
  void exactFiltersDoNotIgnoreTrailingSpaces() {
    for (String resource : List.of("r", "r ", "")) {
      CheckpointItem f = full("item-" + resource.length(), "p", 0);
      repository.save(
          new CheckpointItem(
              f.id(),
              f.projectId(),
              f.name(),
              f.description(),
              f.status(),
              resource,
              f.resourceType(),
              f.checkpointId(),
              f.policyId(),
              f.createdAt(),
              f.updatedAt(),
              f.protectedAt(),
              f.extendInfo(),
              f.backupData()),
          IfMatch.NONE);
    }
    for (String wanted : List.of("r", "r ", "", " ")) {
      ItemFilter filter =
          new ItemFilter(
              Set.of(), null, null, null, wanted, null, null, null, null, null, null, null);
      List<String> found =
          repository
              .list(new ListQuery(P, filter, SortOrder.DEFAULT, new PageRequest(null, 0, 10)))
              .items()
              .stream()
              .map(CheckpointItem::resourceId)
              .toList();
      assertEquals(
          wanted.equals(" ") ? List.of() : List.of(wanted), found, "resource_id=" + wanted);
    }
  }

  @Test
  void deletesTheItemWithItsChildren() {
    repository.save(full("item-1", "p", 3), IfMatch.NONE);
    assertTrue(repository.delete(new ProjectId("p"), new ItemId("item-1")));
    assertTrue(repository.find(P, new ItemId("item-1")).isEmpty());
    assertEquals(0, rows("item-1"));
    assertFalse(repository.delete(new ProjectId("p"), new ItemId("item-1")));
  }

  @Test
  void aPageCostsOneStatementWhateverItsSize() {
    for (int k = 0; k < 300; k++) {
      repository.save(full(String.format("item-%04d", k), "p", 1 + k % 3), IfMatch.NONE);
    }
    db().resetStatements();
    var firstPage =
        repository.list(
            new ListQuery(P, ItemFilter.NONE, SortOrder.DEFAULT, new PageRequest(null, 0, 250)));
    assertEquals(250, firstPage.items().size());
    assertEquals(1, db().statements(), "statements for a first page");
    db().resetStatements();
    var nextPage = list(P, firstPage.nextMarker());
    assertEquals(50, nextPage.items().size());
    // One more: the marker's row, read first so that its values bound the page's index scan.
    assertEquals(2, db().statements(), "statements for a page after a marker");
    db().resetStatements();
    assertTrue(repository.find(P, new ItemId("item-0007")).isPresent());
    assertEquals(1, db().statements(), "statements for one item");
  }

  /**
   * A page runs a copy of its shape's prepared query, still prepared whatever its offset and limit
   * (a report query's copy is otherwise marked unprepared, and its SQL was built and printed again
   * for every page); so does the read of a marker's row.
   */
  @Test
  void aPageRunsItsShapesQueryAsPrepared() {
    for (int k = 0; k < 30; k++) {
      repository.save(full(String.format("item-%04d", k), "p", 1), IfMatch.NONE);
    }
    List<CheckpointItem> all =
        repository
            .list(
                new ListQuery(P, ItemFilter.NONE, SortOrder.DEFAULT, new PageRequest(null, 0, 30)))
            .items();
    list(P, all.get(3).id());
    Preparations preparations = new Preparations();
    Session unit = db().entityManager().unwrap(JpaEntityManager.class).getServerSession();
    unit.setProfiler(preparations);
    try {
      var second =
          repository.list(
              new ListQuery(P, ItemFilter.NONE, SortOrder.DEFAULT, new PageRequest(null, 10, 10)));
      var last =
          repository.list(
              new ListQuery(P, ItemFilter.NONE, SortOrder.DEFAULT, new PageRequest(null, 25, 20)));
      assertEquals(all.subList(10, 20), second.items());
      assertEquals(all.subList(25, 30), last.items());
      assertEquals(all.subList(10, 30), list(P, all.get(9).id()).items());
      assertEquals(List.of(), preparations.queries, "queries prepared again");
    } finally {
      unit.setProfiler(null);
    }
  }

  /** The queries that EclipseLink prepares, as its profiler hears of them. */
  private static final class Preparations extends SessionProfilerAdapter {
    final List<String> queries = new CopyOnWriteArrayList<>();

    @Override
    public void startOperationProfile(String operation, DatabaseQuery query, int weight) {
      if (SessionProfiler.QueryPreparation.equals(operation)) {
        queries.add(String.valueOf(query));
      }
    }
  }

  /**
   * Times are UTC wall clocks in the TIMESTAMP columns whatever the JVM's zone, also those that the
   * zone skips: the build runs the tests in Pacific/Chatham, where 02:45 to 03:45 of 2024-09-29
   * does not exist; through the JVM's zone such a time was stored an hour late.
   */
  @Test
  void timesAreUtcWallClocksInAnyJvmZone() {
    LocalDateTime skipped = SkippedWallClock.first();
    List<Instant> times =
        List.of(0, 10, 20, 30).stream()
            .map(m -> skipped.plusMinutes(m).toInstant(ZoneOffset.UTC))
            .toList();
    for (int k = 0; k < times.size(); k++) {
      repository.save(at(full("t" + k, "p", 1), times.get(k)), IfMatch.NONE);
    }
    for (int k = 0; k < times.size(); k++) {
      CheckpointItem read = repository.find(P, new ItemId("t" + k)).orElseThrow().item();
      assertEquals(times.get(k), read.createdAt());
      assertEquals(times.get(k), read.updatedAt());
      assertEquals(times.get(k), read.protectedAt());
      assertEquals(times.get(k), stored("t" + k), "the column holds the UTC wall clock");
    }
    ItemFilter from =
        new ItemFilter(
            Set.of(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            times.get(1),
            times.get(2));
    assertEquals(
        List.of("t2", "t1"),
        repository
            .list(new ListQuery(P, from, SortOrder.DEFAULT, new PageRequest(null, 0, 10)))
            .items()
            .stream()
            .map(i -> i.id())
            .toList());
    for (String sort : List.of("created_at:desc", "updated_at:asc", "protected_at:desc")) {
      List<String> walked = new java.util.ArrayList<>();
      String marker = null;
      do {
        var page =
            repository.list(
                new ListQuery(
                    P, ItemFilter.NONE, SortOrder.parse(sort), new PageRequest(marker, 0, 1)));
        page.items().forEach(i -> walked.add(i.id()));
        marker = page.hasMore() ? page.nextMarker() : null;
      } while (marker != null);
      assertEquals(
          sort.endsWith("asc") ? List.of("t0", "t1", "t2", "t3") : List.of("t3", "t2", "t1", "t0"),
          walked,
          sort);
    }
  }

  private static CheckpointItem at(CheckpointItem item, Instant time) {
    return new CheckpointItem(
        item.id(),
        item.projectId(),
        item.name(),
        item.description(),
        item.status(),
        item.resourceId(),
        item.resourceType(),
        item.checkpointId(),
        item.policyId(),
        time,
        time,
        time,
        item.extendInfo(),
        item.backupData());
  }

  /**
   * The created_at column read by JDBC as a UTC wall clock (Derby's own text form of a TIMESTAMP
   * passes through the JVM's zone, so it cannot tell).
   */
  private Instant stored(String id) {
    try (Connection c = db().dataSource().getConnection();
        PreparedStatement select =
            c.prepareStatement("SELECT created_at FROM checkpoint_item WHERE id = ?")) {
      select.setString(1, id);
      try (ResultSet row = select.executeQuery()) {
        assertTrue(row.next());
        return row.getTimestamp(1, Calendar.getInstance(TimeZone.getTimeZone("UTC"))).toInstant();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private org.backupcatalog.domain.catalog.CheckpointItemPage list(Scope scope, String marker) {
    return repository.list(
        new ListQuery(scope, ItemFilter.NONE, SortOrder.DEFAULT, new PageRequest(marker, 0, 1000)));
  }

  private int volumes(String id) {
    return repository
        .find(Scope.allTenants(), new ItemId(id))
        .orElseThrow()
        .item()
        .extendInfo()
        .volumeBackups()
        .size();
  }

  private int rows(String id) {
    var em = db().entityManager();
    try {
      return ((Number)
              em.createNativeQuery("SELECT COUNT(*) FROM checkpoint_item WHERE id = ?")
                  .setParameter(1, id)
                  .getSingleResult())
          .intValue();
    } finally {
      em.close();
    }
  }
}
