package org.backupcatalog.persistence.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.backupcatalog.api.CheckpointItem;
import org.backupcatalog.domain.PreconditionFailedException;
import org.backupcatalog.domain.catalog.CheckpointItemIngest;
import org.backupcatalog.domain.catalog.IfMatch;
import org.backupcatalog.domain.item.ItemId;
import org.backupcatalog.domain.item.ProjectId;
import org.backupcatalog.domain.query.Scope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/** Writers racing on one item: no lost update, and never a mix of two writes' volume backups. */
abstract class ConcurrentWritesTest {

  private final TestDatabase db;

  ConcurrentWritesTest(TestDatabase.Kind kind) {
    this.db = TestDatabase.shared(kind);
  }

  /** The database under test: one per kind, shared by the test classes. */
  TestDatabase db() {
    return db;
  }

  private static final int WRITERS = 6;

  private final ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
  private CheckpointItemIngest ingest;

  @BeforeEach
  void empty() {
    db().deleteAll();
    ingest = new CheckpointItemIngest(db().repository());
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private <T> List<Future<T>> race(List<Callable<T>> writers) throws InterruptedException {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> results = new ArrayList<>();
    for (Callable<T> writer : writers) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                return writer.call();
              }));
    }
    start.countDown();
    return results;
  }

  @RepeatedTest(3)
  void exactlyOneWriterWinsEachRevision() throws Exception {
    String etag =
        db().repository()
            .save(CheckpointItemRepositoryTest.full("item", "p", 1), IfMatch.NONE)
            .stored()
            .etag();
    List<Callable<Boolean>> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      CheckpointItem item = CheckpointItemRepositoryTest.full("item", "p", 1 + w % 3);
      writers.add(
          () -> {
            try {
              db().repository().save(item, IfMatch.anyOf(Set.of(etag)));
              return true;
            } catch (PreconditionFailedException lost) {
              return false;
            }
          });
    }
    int winners = 0;
    for (Future<Boolean> result : race(writers)) {
      winners += result.get() ? 1 : 0;
    }
    assertEquals(1, winners);
  }

  @RepeatedTest(3)
  void withoutIfMatchTheLastWriteWinsWhole() throws Exception {
    List<Callable<Integer>> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int volumes = 1 + w;
      CheckpointItem item = CheckpointItemRepositoryTest.full(null, null, volumes);
      writers.add(
          () -> {
            ingest.put(new ProjectId("p"), "racy", item, IfMatch.NONE);
            return volumes;
          });
    }
    for (Future<Integer> result : race(writers)) {
      result.get();
    }
    CheckpointItem stored =
        db().repository()
            .find(Scope.of(new ProjectId("p")), new ItemId("racy"))
            .orElseThrow()
            .item();
    List<String> ids = stored.extendInfo().volumeBackups().stream().map(v -> v.id()).toList();
    List<String> whole = new ArrayList<>();
    for (int k = 0; k < ids.size(); k++) {
      whole.add("vb-" + k);
    }
    assertEquals(whole, ids, "volume backups of exactly one write, in order");
    assertTrue(ids.size() >= 1 && ids.size() <= WRITERS);
  }

  @RepeatedTest(2)
  void readersNeverSeeOneWritesFieldsWithAnothersVolumeBackups() throws Exception {
    db().repository().save(withVolumes(1), IfMatch.NONE);
    java.util.concurrent.atomic.AtomicBoolean writing =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    List<Callable<Integer>> work = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      int offset = w;
      work.add(
          () -> {
            for (int k = 0; k < 40; k++) {
              db().repository().save(withVolumes(1 + (k + offset) % 4), IfMatch.NONE);
            }
            writing.set(false);
            return 0;
          });
    }
    for (int r = 0; r < 2; r++) {
      work.add(
          () -> {
            int reads = 0;
            Scope scope = Scope.of(new ProjectId("p"));
            while (writing.get() || reads < 20) {
              CheckpointItem read =
                  db().repository().find(scope, new ItemId("torn")).orElseThrow().item();
              assertEquals(
                  read.description(),
                  "volumes-" + read.extendInfo().volumeBackups().size(),
                  "fields and volume backups of one write");
              reads++;
            }
            return reads;
          });
    }
    for (Future<Integer> result : race(work)) {
      result.get();
    }
  }

  private static CheckpointItem withVolumes(int volumes) {
    CheckpointItem full = CheckpointItemRepositoryTest.full("torn", "p", volumes);
    return new CheckpointItem(
        full.id(),
        full.projectId(),
        full.name(),
        "volumes-" + volumes,
        full.status(),
        full.resourceId(),
        full.resourceType(),
        full.checkpointId(),
        full.policyId(),
        full.createdAt(),
        full.updatedAt(),
        full.protectedAt(),
        full.extendInfo(),
        full.backupData());
  }
}
